from collections import namedtuple
P = namedtuple('P', 'x y')
p = P(1, 2)
print(p, P, type(p), p.x, p.y, p[0], p[-1])
print(p == (1, 2), len(p), list(p), isinstance(p, tuple), issubclass(P, tuple))
print(repr(p), str(p), P.__name__)
x, y = p
print(x, y)
