class A:
    def __init__(self, x):
        self.x = x
    def f(self):
        return "A.f"
class B(A):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
    def f(self):
        return "B.f+" + super().f()
b = B(1, 2)
print(b.x, b.y, b.f())
