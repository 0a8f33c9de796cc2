# user classes convert by __float__/__complex__, which must return the right type
class F:
    def __float__(self):
        return 10.0
class NotFloat:
    def __float__(self):
        return 6
class Cx:
    def __complex__(self):
        return 1j + 10
class NotCx:
    def __complex__(self):
        return "a"
print(float(F()), "%.1f" % F(), complex(F()), complex(Cx()))
import math, cmath
print(math.sqrt(F()), cmath.sqrt(Cx()) == cmath.sqrt(10 + 1j))
for f, x in ((float, NotFloat()), (complex, NotCx()), (float, object())):
    try:
        print(f(x))
    except TypeError as e:
        print('TypeError', e)
