from collections import namedtuple
P = namedtuple('P', 'x y')
print(P(x=3, y=4), P(5, y=6), P(y=1, x=2))
print(P(*[5, 6]), P(**{'x': 5, 'y': 6}))
