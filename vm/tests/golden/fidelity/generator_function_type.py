# a generator function's type is 'generator' in MicroPython, and so is a coroutine's
def g():
    yield 1
async def a():
    pass
print(type(g), type(g()), type(a), type(a()))
print(type(g) is type(g()), type(g) == type(lambda: 1))
print(repr(g))
class C:
    def items(self):
        yield self.__class__.__name__
print(list(C().items()))
