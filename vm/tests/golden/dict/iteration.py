d = {"x": 1, "y": 2}
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, v)
print(sum(d.values()), sorted(d, reverse=True))
