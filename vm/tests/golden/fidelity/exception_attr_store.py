# built-in exception instances refuse new attributes; instances of subclasses take them
e = ValueError(1)
try:
    e.detail = 'x'
except AttributeError as ex:
    print('AttributeError', ex)
e.__traceback__ = None
try:
    e.__traceback__ = 5
except AttributeError as ex:
    print('AttributeError', ex)
class E(Exception):
    pass
f = E(2)
f.code = 3
print(f.code, f.args)
try:
    raise OSError(5)
except OSError as err:
    try:
        err.extra = 1
    except AttributeError as ex:
        print('AttributeError', ex)
