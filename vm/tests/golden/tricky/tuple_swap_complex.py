a = [1, 2, 3]
a[0], a[2] = a[2], a[0]
print(a)
x = y = 0
x, y = y + 1, x + 2
print(x, y)
i = 0
l = [5, 6]
i, l[i] = 1, 9
print(i, l)
