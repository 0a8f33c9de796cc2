# const() needs no import: the parser replaces `X = const(v)` by v
WIDTH = const(128)
_HIDDEN = const(0x3C)
print(WIDTH, _HIDDEN, WIDTH * 2)
Y = micropython.const(7)
print(Y)
try:
    print(const)
except NameError as e:
    print('NameError', e)
