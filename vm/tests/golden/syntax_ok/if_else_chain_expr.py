x = 5
y = "a" if x < 3 else "b" if x < 6 else "c"
print(y, [i if i % 2 else -i for i in range(4)])
