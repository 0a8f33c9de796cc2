f = lambda *a, **k: (a, sorted(k))
print(f(1, 2, z=3), (lambda x=1, *, y=2: x + y)(), (lambda: (yield))  is not None)
