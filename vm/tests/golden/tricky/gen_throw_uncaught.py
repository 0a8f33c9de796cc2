def g():
    yield 1
it = g()
next(it)
try:
    it.throw(ValueError("boom"))
except ValueError as e:
    print("propagated", e)
print(next(it, "exhausted"))
