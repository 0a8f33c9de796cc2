a = 256
b = 256
print(a == b, a is b)
x = [1]
print(x == [1], x is [1])
