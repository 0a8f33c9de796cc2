class M:
    n = 10
    @classmethod
    def make(cls, x): return cls, x
    @staticmethod
    def util(a, b): return a + b
    @classmethod
    def getn(cls): return cls.n
class N(M):
    n = 20
print(M.make(1)[1], M.util(2, 3), M().util(4, 5), M.getn(), N.getn(), N().getn(), N.make(0)[0].__name__)
