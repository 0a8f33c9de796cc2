x = "global"
class C:
    x = "class"
    y = x + "!"
    def m(self):
        return x
print(C.y, C().m())
