import math
class Shape:
    def area(self):
        raise NotImplementedError
    def describe(self):
        return "%s with area %.2f" % (type(self).__name__, self.area())
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return math.pi * self.r ** 2
class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
for s in [Circle(1), Rect(2, 3), Square(4)]:
    print(s.describe(), isinstance(s, Rect))
try:
    Shape().describe()
except NotImplementedError as e:
    print("abstract", type(e).__name__)
