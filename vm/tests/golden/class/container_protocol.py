class Seq:
    def __init__(self): self.d = {}
    def __len__(self): return len(self.d)
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __contains__(self, k): return k in self.d
s = Seq()
s["a"] = 1
s["b"] = 2
del s["a"]
print(len(s), s["b"], "a" in s, "b" in s, bool(s))
