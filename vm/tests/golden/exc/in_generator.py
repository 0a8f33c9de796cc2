def g():
    yield 1
    raise ValueError("in gen")
for x in g():
    print(x)
