def f(n):
    if n == 0:
        raise ValueError("bottom")
    return f(n - 1)
try:
    f(5)
except ValueError as e:
    print("caught", e)
f(2)
