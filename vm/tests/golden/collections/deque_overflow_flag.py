from collections import deque
f = deque((), 2, 1)
f.append(1)
f.append(2)
for op in (f.append, f.appendleft):
    try:
        op(3)
    except IndexError as e:
        print('IndexError', e)
print(list(f))
f.popleft()
f.appendleft(0)
print(list(f))
