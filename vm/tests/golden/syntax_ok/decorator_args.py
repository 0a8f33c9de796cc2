def tag(name):
    def d(f):
        f.__name__
        return lambda *a: name + str(f(*a))
    return d
@tag("t:")
def g(x):
    return x * 2
print(g(21))
