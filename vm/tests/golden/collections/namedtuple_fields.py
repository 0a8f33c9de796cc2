from collections import namedtuple
print(namedtuple('Q', ['a', 'b', 'c'])(1, 2, 3))
print(namedtuple('Q', ('a', 'b'))(1, 2))
print(namedtuple('T', ' a  b ')(1, 2))
print(namedtuple('R', 'a, b')(1, 2))
print(namedtuple('E', '')())
print(namedtuple('B', 'x x')(1, 2))
