a = {1, 2, 3}
b = {3, 4}
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)), a.issubset({1, 2, 3, 4}), a.issuperset({1}), a.isdisjoint({9}))
a.update([7, 8])
print(sorted(a))
print(set(), set("aab") == {"a", "b"}, {1, 2} == {2, 1}, {1} < {1, 2}, {1, 2} <= {1, 2})
