def factory():
    base = 10
    class K:
        def get(self):
            return base
        @classmethod
        def make(cls):
            return cls()
    return K
K = factory()
print(K.make().get(), K().get())
