f = frozenset([1, 2, 2])
print(len(f), 1 in f, f == frozenset({1, 2}), sorted(f | {3}))
d = {f: "x"}
print(d[frozenset([2, 1])])
