d = {(1, 2): "a"}
print(d[1, 2], d[(1, 2)])
class M:
    def __getitem__(self, k): return k
print(M()[1:2, 3], M()[::2], M()[...])
