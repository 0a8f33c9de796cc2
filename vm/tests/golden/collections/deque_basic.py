from collections import deque
d = deque((), 3)
print(d, type(d), len(d), bool(d))
for i in range(1, 5):
    d.append(i)
print(list(d), len(d), bool(d))
d.appendleft(0)
print(list(d))
print(d.pop(), d.popleft(), list(d))
