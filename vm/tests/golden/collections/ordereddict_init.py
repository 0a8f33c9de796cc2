from collections import OrderedDict
print(OrderedDict([('b', 1), ('a', 2)]), OrderedDict(x=1), OrderedDict({'q': 1}))
d = OrderedDict([(i, str(i)) for i in range(10, 0, -1)])
print(list(d))
