from collections import namedtuple
P = namedtuple('P', 'x y')
p = P(1, 2)
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: P(1))
t(lambda: P(1, 2, 3))
t(lambda: P(1, z=2))
t(lambda: P(1, x=2))
t(lambda: P(y=1))
t(lambda: setattr(p, 'x', 5))
t(lambda: p.z)
t(lambda: namedtuple('B', 5))
t(lambda: namedtuple('T', 'a b', rename=False))
