def f():
    global a, b
    a, b = 1, 2
f()
print(a, b)
