def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
def take(n, it):
    out = []
    for x in it:
        if len(out) >= n:
            break
        out.append(x)
    return out
print(take(15, fib()))
print([x for x in take(100, fib()) if x % 2 == 0][:5])
big = take(100, fib())[-1]
print(big, len(str(big)))
