from collections import namedtuple
P = namedtuple('P', 'x y')
class S(P):
    def total(self):
        return self.x + self.y
s = S(3, 4)
print(s, s.total(), s[1], isinstance(s, P), len(s))
