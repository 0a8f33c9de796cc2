from collections import OrderedDict
d = OrderedDict()
d['z'] = 1
d['a'] = 2
d[3] = 3
print(d, list(d), d.keys(), type(d), isinstance(d, dict), repr(OrderedDict()))
print(list(d.items()), list(d.values()), d['a'], d.get('q'), 'z' in d, len(d))
