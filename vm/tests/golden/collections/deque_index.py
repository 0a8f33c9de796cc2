from collections import deque
e = deque((), 3)
e.extend([1, 2, 3, 4])
print(list(e), e[0], e[-1], e[True], 2 in e, 9 in e)
e[0] = 9
e[-1] = 8
print(list(e))
def t(f):
    try:
        print(f())
    except Exception as ex:
        print(type(ex).__name__, ex)
t(lambda: e[5])
t(lambda: e[-4])
t(lambda: e['a'])
t(lambda: e[0:1])
def d():
    del e[0]
t(d)
