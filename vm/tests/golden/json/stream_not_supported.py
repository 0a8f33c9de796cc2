# Only native streams work with dump/load in MicroPython, not Python classes with write/read.
import json
class W:
    def write(self, s):
        print('W', repr(s))
class R:
    def read(self, n=-1):
        return '[1]'
for f, a in [(json.dump, ([1], W())), (json.load, (R(),)), (json.dump, (1, 2)), (json.load, (2,))]:
    try:
        f(*a)
    except OSError as e:
        print('OSError', e)
