def f(*args, **kwargs):
    return args, sorted(kwargs.items())
print(f(), f(1, 2), f(a=1), f(1, b=2))
def g(a, *rest, k=0, **kw):
    print(a, rest, k, kw)
g(1, 2, 3, k=4, z=5)
