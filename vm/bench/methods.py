# 3*10**5 method calls on instances.
class Counter:
    def __init__(self):
        self.n = 0
    def add(self, k):
        self.n += k
        return self
    def get(self):
        return self.n
c = Counter()
for i in range(150000):
    c.add(i)
    c.get()
print(c.get())
