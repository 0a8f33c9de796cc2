class C: pass
r = repr(C())
print(r.startswith("<C object at "), str(C).startswith("<class"), repr(C))
