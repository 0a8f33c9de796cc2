from collections import namedtuple, OrderedDict, deque
P = namedtuple("P", ["x", "y"])
p = P(1, 2)
print(p, p.x + p.y, p[0], len(p))
d = OrderedDict()
d["z"] = 1
d["a"] = 2
print(list(d.keys()))
q = deque((), 3)
for i in range(5):
    q.append(i)
print(q.popleft(), len(q))
