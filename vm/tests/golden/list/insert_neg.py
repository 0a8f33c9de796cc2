l = [1, 2, 3]
l.insert(-1, 9)
l.insert(100, 8)
l.insert(-100, 7)
print(l)
