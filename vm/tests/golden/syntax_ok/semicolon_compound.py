for i in range(2): print(i); print("x")
if 1: a = 1; b = 2
print(a + b)
