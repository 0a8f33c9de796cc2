class S:
    def __setattr__(self, k, v):
        print("set", k, v)
        object.__setattr__(self, k, v * 2)
s = S()
s.a = 5
print(s.a)
