l = [1, 2, 1, 2]
print(l.index(2), l.index(2, 2), l.index(1, -2))
