def g():
    yield
print(type(g()).__name__, type(x for x in []).__name__)
