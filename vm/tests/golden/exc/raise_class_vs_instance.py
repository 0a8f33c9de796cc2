try:
    raise TypeError
except TypeError as e:
    print(repr(e), e.args)
try:
    raise TypeError("m")
except TypeError as e:
    print(repr(e), e.args)
