from collections import deque
g = deque([1, 2], 2)
it = iter(g)
print(next(it))
g.append(5)
print(next(it), list(it))
q = deque((), 4)
q.extend('abc')
print([x for x in q], list(reversed(list(q))), sorted(q))
