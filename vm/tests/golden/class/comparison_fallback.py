class A:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
print(A(1) < A(2), A(3) > A(2), sorted([A(3), A(1)], key=lambda a: a.v)[0].v, max([A(1), A(5)]).v)
