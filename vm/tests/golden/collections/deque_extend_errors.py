from collections import deque
d = deque((), 3)
for args in [(), (5,)]:
    try:
        d.extend(*args)
    except TypeError as e:
        print('TypeError', e)
d.extend(range(5))
print(list(d))
