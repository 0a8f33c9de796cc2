class C:
    def __init__(self): self.a = 1; self.b = 2
c = C()
print(c.__dict__, C.__name__, c.__class__.__name__, type(c) is C)
