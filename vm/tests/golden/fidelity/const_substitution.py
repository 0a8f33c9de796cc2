# a const name is replaced by its value wherever it stands alone later in the source;
# a const named _X is not stored at all; the value must be a constant expression
from micropython import const
A = const(1 << 4)
B = const(A * 3 + 1)
_P = const(9)
print(A, B, _P, 'A' in globals(), '_P' in globals())
def X():
    return 'function X'
print(globals()['X']())
class K:
    C = const(4)
    _D = const(5)
    def get(self):
        return C, _D, self.C
print(K().get(), hasattr(K, 'C'), hasattr(K, '_D'))
for src in ("S = const('a')\nprint(S)", "T = const((1, 2))\nprint(T)", "def g(): return 1\nG = const(g())", "H = const(2)\nH = 3"):
    try:
        exec(src)
    except SyntaxError as e:
        print('SyntaxError', e)
import math
TWO_PI = const(2.0 * math.pi)
print(math.cos(TWO_PI))
