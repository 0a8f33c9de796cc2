from collections import namedtuple
P = namedtuple('P', 'x y')
p = P(1, 2)
print(p < P(1, 3), p + (3,), p * 2, p[0:1], {p: 1}, hash(p) == hash((1, 2)))
print(sorted([P(2, 1), P(1, 5)]), tuple(p), max(P(3, 9)))
