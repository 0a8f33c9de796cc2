def f(a, b=2, c=3):
    return a, b, c
print(f(1), f(1, 5), f(1, c=9), f(c=1, a=2), f(*[1, 2, 3]), f(**{"a": 7}))
