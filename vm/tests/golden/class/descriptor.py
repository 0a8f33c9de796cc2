class Desc:
    def __get__(self, obj, typ):
        return "got"
    def __set__(self, obj, val):
        print("set", val)
class C:
    d = Desc()
c = C()
print(c.d)
c.d = 5
