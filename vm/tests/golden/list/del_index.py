l = [0, 1, 2, 3]
del l[1]
del l[-1]
print(l)
