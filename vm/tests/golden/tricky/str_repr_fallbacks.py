class A:
    pass
class B:
    def __str__(self): return "B!"
print(str(B()), repr(B()).startswith("<B object"), [B()][0] is not None)
