# Slices of array.array, bytearray and memoryview (py/objarray.c array_subscr): step 1 only; the
# right side of a slice assignment is an array-like with items of the same size, or bytes
from array import array


class G:
    def __getitem__(self, k):
        return k


G = G()


def store(target, k, v):
    try:
        target[k] = v
        print(target)
    except Exception as e:
        print(type(e).__name__, e)


def load(s):
    try:
        print(s, "->", eval(s))
    except Exception as e:
        print(s, "->", type(e).__name__, e)


c = array("i", [1, 2, 3, 4])
c[0:2] = array("i", [9, 8])
print(c)
for k, v in [
    (G[0:2], array("i", [7])), (G[0:1], array("i", [7, 6, 5])), (G[0:2], array("h", [7, 6])),
    (G[0:2], array("I", [7, 6])), (G[0:2], array("f", [1.0])), (G[0:2], [7, 6]), (G[0:2], b"ab"),
    (G[0:2:2], array("i", [7, 6])), (G[:], array("i")), (G[1:1], array("i", [5, 5, 5])),
    (G[-1:], array("i", [9, 9])), (G[0:4:2], array("i", [7])), (G[5:9], array("i", [7])),
    (G[3:1], array("i", [7])), (G[0:2], 5),
]:
    store(array("i", [1, 2, 3, 4]), k, v)
a = array("i", [1, 2, 3])
a[0:2] = a
print(a)
z = array("B", [1, 2, 3, 4])
z[1:3] = bytearray(b"\x09\x08")
print(z)
z[0:1] = memoryview(b"\x05\x06")
print(z)
z[:] = b"xyz"
print(z)
for k, v in [(G[0:2], array("B", [1, 2, 3])), (G[0:2], array("h", [1])), (G[0:2], [1]), (G[0:2], (1, 2)),
             (G[0:2], b"xy"), (G[0:2], array("b", [3, 4])), (G[0:2], memoryview(b"QQ")), (G[0:2], "st"),
             (G[0:4:2], b"12")]:
    store(bytearray(b"abcdef"), k, v)
for k, v in [(G[0:2], b"xyz"), (G[0:2], b"XY"), (G[0:4:2], b"12"), (G[0:2], array("B", [70, 71])),
             (G[0:2], array("h", [70])), (G[1:3], bytearray(b"..."))]:
    ba = bytearray(b"abcdef")
    store(memoryview(ba), k, v)
    print(ba)
store(memoryview(b"ab"), G[0:1], b"x")
for s in ["array('i', [1, 2, 3])[::2]", "array('i', [1, 2, 3])[::-1]", "array('i', [1, 2, 3])[5:1]",
          "array('i', [1, 2, 3])[-2:]", "array('h', [1, 2, 3])[1:]", "bytearray(b'abcd')[::2]",
          "bytearray(b'abc')[2:0]", "bytes(memoryview(b'abcd')[::2])", "bytes(memoryview(b'abcd')[1:3])", "b'abcd'[::2]",
          "b'abcd'[1:]"]:
    load(s)
try:
    del c[0:2]
except TypeError as e:
    print("TypeError", e)
