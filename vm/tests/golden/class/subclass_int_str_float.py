class MyInt(int):
    def double(self):
        return self * 2
class Name(str):
    def shout(self):
        return self.upper() + "!"

i = MyInt(21)
print(i, i + 1, i.double(), i == 21, i > 20, isinstance(i, int), type(i).__name__, hash(i) == hash(21), {21: "x"}[i])
n = Name("bob")
print(n, n.shout(), len(n), n[0], n + "by", n == "bob", "o" in n, list(n), n.startswith("b"), "%s!" % n, "{}".format(n))


class Color(int):
    def __repr__(self):
        return "Color(%d)" % int(self)
print(repr(Color(3)), [Color(1)], Color(3) + 4)
