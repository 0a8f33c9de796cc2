class A:
    pass
a = A()
x = (a
     .missing)
