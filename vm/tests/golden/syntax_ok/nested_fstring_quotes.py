d = {"k": 5}
print(f"{d['k']}", f'{d["k"]}', f"{'q'}")
