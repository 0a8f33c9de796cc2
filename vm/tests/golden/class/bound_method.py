class C:
    def m(self): return self
c = C()
f = c.m
print(f() is c, C.m(c) is c)
