from collections import OrderedDict
d = OrderedDict()
for k in ['z', 'a', 3]:
    d[k] = k
del d['z']
d['z'] = 9
print(d)
d['a'] = 'again'
print(d)
print(d.pop('a'), d, d.popitem(), d)
d2 = OrderedDict(d)
d2.update({'k': 1})
print(d2, d2.copy(), type(d2.copy()))
d2.clear()
d2['y'] = 1
d2['b'] = 2
print(d2)
