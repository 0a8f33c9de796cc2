def outer(x):
    def inner(y, z=x * 2):
        return x + y + z
    return inner
print(outer(1)(2), outer(10)(1, 1))
