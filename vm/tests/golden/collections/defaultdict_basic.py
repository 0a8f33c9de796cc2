# golden: manual. MicroPython has no built-in defaultdict; the wasm port freezes
# micropython-lib's (a wrapper class: no len(), repr "<defaultdict object at ...>").
# Ours is a dict subclass as in CPython; expected: CPython behaviour printed the MicroPython way.
from collections import defaultdict
dd = defaultdict(list)
dd['a'].append(1)
dd['a'].append(2)
print(dd['a'], type(dd), dd.default_factory, 'a' in dd, 'b' in dd, len(dd))
c = defaultdict(int)
for ch in 'hello':
    c[ch] += 1
print(sorted(c.items()), c.get('z'), 'z' in c)
print(isinstance(c, dict), defaultdict(int, {'x': 1})['x'], defaultdict(int, y=2)['y'])
try:
    defaultdict()['q']
except KeyError as e:
    print('KeyError', e)
