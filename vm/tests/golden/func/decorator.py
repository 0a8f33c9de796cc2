def deco(f):
    def wrapper(*a, **k):
        print("before")
        r = f(*a, **k)
        print("after")
        return r
    return wrapper
@deco
def hello(name):
    print("hi", name)
    return 1
print(hello("bob"))
def rep(n):
    def d(f):
        return lambda: [f() for _ in range(n)]
    return d
@rep(3)
def one():
    return 1
print(one())
