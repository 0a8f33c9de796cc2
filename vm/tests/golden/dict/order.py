d = {}
for k in ["z", "a", "m", 3, 1.5, (1, 2)]:
    d[k] = len(d)
print(d)
del d["a"]
d["a"] = 9
print(d)
