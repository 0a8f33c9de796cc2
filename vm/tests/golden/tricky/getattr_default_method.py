class C:
    def m(self): return "m"
c = C()
f = getattr(c, "m")
print(f(), getattr(c, "zz", None), getattr(C, "m")(c))
