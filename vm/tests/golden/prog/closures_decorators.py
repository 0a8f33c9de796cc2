def memo(f):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
calls = 0
@memo
def slow_sq(n):
    global calls
    calls += 1
    return n * n
print([slow_sq(i % 3) for i in range(9)], calls)
def counter(start=0, step=1):
    n = start
    def nxt():
        nonlocal n
        n += step
        return n
    return nxt
c = counter(10, 5)
print(c(), c(), c())
