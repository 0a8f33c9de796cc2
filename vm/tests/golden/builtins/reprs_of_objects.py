print(len, list.append)
def f(): pass
print(str(f)[:13], str(lambda: 0)[:19])
class C:
    def m(self): pass
print(str(C().m)[:14], C, int, type, object)
import math
print(math, str(iter([]))[:10], range(0), str(zip())[:5], str(map(len, []))[:5], str(enumerate([]))[:11])
def g(): yield
print(str(g())[:18], str({}.keys())[:9], {1: 2}.items(), {1: 2}.values(), {1: 2}.keys())
print(ValueError, KeyError("x"), repr(Exception()), BaseException)
print(type(print), type(f), type(C().m), type(g()), type(iter([])), type({}.keys()))
