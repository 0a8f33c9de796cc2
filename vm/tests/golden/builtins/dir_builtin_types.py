print(dir([]))
print(sorted(dir("")))
print("x".zfill(3) if hasattr("", "zfill") else "no zfill")
