class C:
    @staticmethod
    def s(): return "s"
print(C.s(), C().s())
