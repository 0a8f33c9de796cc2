l = list(range(10))
print(l[2:5], l[::2], l[::-1], l[-3:], l[5:2:-1], l[:])
l[2:5] = ["a", "b"]
print(l)
del l[1:3]
print(l)
