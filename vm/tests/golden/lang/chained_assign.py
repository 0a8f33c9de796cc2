a = b = c = [1]
b.append(2)
print(a, c, a is c)
x, y = z = 1, 2
print(x, y, z)
