def f(*, b):
    pass
f()
