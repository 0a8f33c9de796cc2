class Acc:
    def __init__(self): self.v = []
    def __iadd__(self, x):
        self.v.append(x)
        return self
a = Acc()
b = a
a += 1
a += 2
print(a.v, a is b)
