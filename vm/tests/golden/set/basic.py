s = {3, 1, 2}
s.add(4)
s.add(1)
s.discard(9)
s.remove(3)
print(sorted(s), len(s), 2 in s, 3 in s)
print(sorted({1, 2} | {2, 3}), sorted({1, 2} & {2, 3}), sorted({1, 2} - {2, 3}), sorted({1, 2} ^ {2, 3}))
