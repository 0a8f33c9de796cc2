class P:
    def __init__(self, v): self.v = v
    def __repr__(self): return "P(%r)" % self.v
class Q(P):
    def __str__(self): return "Q with " + str(self.v)
print(P(1), [P(2)], repr(P("x")), Q(3), [Q(4)], str(P(5)))
