class D(dict):
    def total(self): return sum(self.values())
d = D(a=1)
d["b"] = 5
print(d["a"], d.total(), len(d), isinstance(d, dict))
