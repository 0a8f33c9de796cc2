class T:
    def __init__(self): self._c = 0
    @property
    def c(self): return self._c
    @c.setter
    def c(self, v):
        if v < 0: raise ValueError("negative")
        self._c = v
    @property
    def f(self): return self._c * 9 / 5 + 32
t = T()
t.c = 100
print(t.c, t.f)
try:
    t.c = -1
except ValueError as e:
    print("err", e)
t.f = 5
