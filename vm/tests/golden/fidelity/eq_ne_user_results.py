# == and != hand back a user __eq__/__ne__'s own result, and call __eq__ even on identical objects
class E:
    def __repr__(self):
        return "E"
    def __eq__(self, other):
        print('E eq', other)
        return 123
class F:
    def __repr__(self):
        return "F"
    def __ne__(self, other):
        print('F ne', other)
        return -456
e = E()
print(e == e, e != e)
print(E() != F(), F() != E())
for val in (None, 0, 'a'):
    print(E() == val, val == E(), E() != val, val != E(), F() == val, val == F(), F() != val, val != F())
print([1, e] == [1, e], e in [e], 1 == 1.0, 'a' != 'a')
x=float('nan'); print([x]==[x], x in [x], (x,)==(x,), {1:x}=={1:x})
