class C: pass
c = C()
c.x = 1
del c.x
print(hasattr(c, "x"))
del c.x
