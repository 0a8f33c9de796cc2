class E:
    def __len__(self): return 0
class F:
    def __bool__(self): return False
class G: pass
print(bool(E()), bool(F()), bool(G()), "yes" if E() else "no")
