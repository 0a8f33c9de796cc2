class L(list):
    def total(self): return sum(self)
l = L([1, 2, 3])
l.append(4)
print(l.total(), len(l), l[0], isinstance(l, list))
