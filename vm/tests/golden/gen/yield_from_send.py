def inner():
    x = yield "a"
    print("inner got", x)
    y = yield "b"
    return x + y
def outer():
    r = yield from inner()
    yield r
g = outer()
print(next(g), g.send(1), g.send(2))
