def f(x):
    return 10 // x
print([f(x) for x in [1, 0]])
