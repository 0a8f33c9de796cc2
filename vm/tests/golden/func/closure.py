def make(n):
    def add(x):
        return x + n
    return add
print(make(5)(10))
def counter():
    c = 0
    def inc():
        nonlocal c
        c += 1
        return c
    return inc
inc = counter()
inc()
print(inc(), inc())
