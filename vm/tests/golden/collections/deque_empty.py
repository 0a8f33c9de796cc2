from collections import deque
e = deque((), 2)
for f in (e.pop, e.popleft):
    try:
        f()
    except IndexError as ex:
        print('IndexError', ex)
e.pop()
