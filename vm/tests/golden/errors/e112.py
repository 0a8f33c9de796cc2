def f(a, b=1, *c, d, e=2, **g): pass
f()
