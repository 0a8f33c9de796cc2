class D:
    def __init__(self): self.real = 1
    def __getattr__(self, name):
        return "virtual_" + name
d = D()
print(d.real, d.anything, getattr(d, "x"), hasattr(d, "y"))
