class A:
    def hello(self):
        return "A"
    def who(self):
        return "I am " + self.hello()
class B(A):
    def hello(self):
        return "B"
print(A().who(), B().who(), isinstance(B(), A), issubclass(B, A), issubclass(A, B))
