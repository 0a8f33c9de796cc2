# namedtuples print as their repr, OrderedDict and list/dict subclasses as JSON unless they define __repr__.
import json
from collections import namedtuple, OrderedDict, deque
P = namedtuple('P', 'x y')
print(json.dumps(P(1, 'a')), json.dumps([P(1, 2)]))
d = OrderedDict(); d['z'] = 1; d['a'] = [1]
print(json.dumps(d), json.dumps({'k': d}))
print(json.dumps(deque((), 2)))
class L(list):
    pass
class D(dict):
    def __repr__(self): return 'D!'
print(json.dumps(L([1, 'a'])), json.dumps(D(a=1)))
