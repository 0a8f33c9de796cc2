def f():
    return
def g():
    pass
print(f(), g())
