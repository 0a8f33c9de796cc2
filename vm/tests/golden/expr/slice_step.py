# MicroPython slices str, bytes and tuple with step 1 only; lists take any step when read
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, repr(e.args))
t(lambda: 'abcd'[::2])
t(lambda: 'abcd'[::-1])
t(lambda: 'abcd'[::0])
t(lambda: 'abcd'[::1])
t(lambda: 'abcd'[1:3:None])
t(lambda: 'héllo'[::2])
t(lambda: (1, 2, 3)[::-1])
t(lambda: (1, 2, 3)[::0])
t(lambda: (1, 2, 3)[::1])
t(lambda: (1, 2, 3)[2:0])
t(lambda: b'abcd'[::2])
t(lambda: b'abcd'[::0])
t(lambda: bytearray(b'abcd')[::2])
t(lambda: memoryview(b'abcd')[::2])
t(lambda: [1, 2, 3, 4][::2])
t(lambda: [1, 2, 3, 4][::-1])
t(lambda: [1, 2, 3, 4][3:0:-2])
t(lambda: [1, 2][::0])
# ranges map the slice's bounds
t(lambda: range(5)[::2])
t(lambda: range(5)[::-1])
t(lambda: range(5)[::-2])
t(lambda: list(range(5)[::-2]))
t(lambda: range(5)[1:3])
t(lambda: range(5)[3:1])
t(lambda: range(0, 10, 3)[::2])
t(lambda: range(5)[10:20])
t(lambda: range(5)[-100:100:3])
t(lambda: range(10)[8:2:-3])
t(lambda: list(range(10)[8:2:-3]))
t(lambda: range(1, 10, 2)[::-1])
t(lambda: range(10, 0, -2)[::3])
t(lambda: range(3)[::0])
# ranges compare by identity and have no index()/count()
r = range(3)
t(lambda: (r == r, r == range(3), range(0) == range(0), r != range(3)))
t(lambda: r.index(1))
t(lambda: r.count(1))
# list slice assignment and deletion: step 1 only, right side a list or tuple
def assign(k, v):
    def f():
        l = [1, 2, 3, 4, 5]
        l[k] = v
        return l
    return f
def delete(k):
    def f():
        l = [1, 2, 3, 4, 5]
        del l[k]
        return l
    return f
class S:
    def __getitem__(self, k): return k
s = S()
t(assign(s[1:3], [7, 8, 9]))
t(assign(s[1:3], (7,)))
t(assign(s[::1], []))
t(assign(s[::2], [7, 8, 9]))
t(assign(s[::-1], [1, 2, 3, 4, 5]))
t(assign(s[::0], []))
t(assign(s[0:1], range(3)))
t(assign(s[0:1], 'ab'))
t(assign(s[0:1], b'ab'))
t(delete(s[1:3]))
t(delete(s[::2]))
t(delete(s[::-1]))
t(delete(s[::0]))
l = [1, 2, 3]
l[1:2] = l
print(l)
l[::2] = [7, 8]
