class Outer:
    class Inner:
        pass
print(Outer.__name__, Outer.Inner.__name__, type(Outer()).__name__)
