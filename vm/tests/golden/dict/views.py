d = {"a": 1, "b": 2}
k = d.keys()
d["c"] = 3
print(len(k), list(k), "a" in k, list(d.items())[0])
