from collections import deque
print(list(deque([1, 2], 5)), list(deque([1, 2, 3], 2)), list(deque((), 0)), list(deque([1, 2, 3], 0)))
print(list(deque(range(10), 4)), list(deque('abc', 3)))
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: deque())
t(lambda: deque([1, 2]))
t(lambda: deque([1, 2], maxlen=5))
t(lambda: deque((), -1))
t(lambda: deque((), 'a'))
t(lambda: deque(5, 2))
