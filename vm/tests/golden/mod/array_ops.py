# array.array operators as MicroPython has them (py/objarray.c): + and += take any buffer as raw
# bytes of the left typecode; == and ordering compare raw bytes between compatible typecodes
from array import array


def t(s):
    try:
        print(s, "->", eval(s))
    except Exception as e:
        print(s, "->", type(e).__name__, e)


a = array("i", [1, 2, 3])
for s in [
    "a + array('i', [4, 5])", "a + array('h', [1])", "a + array('I', [1])", "a + [1]", "a + b'ab'",
    "a + 1", "[1] + a", "array('b', [1]) + b'ab'", "array('B', [1]) + bytearray(b'ab')",
    "array('i', [1]) + memoryview(b'abcd')", "array('b', [1]) + (1,)", "array('d', [1.0]) + array('d', [2.0])",
    "array('q', [1]) + array('q', [2**40])", "b'x' + array('b', [65])", "bytearray(b'x') + array('b', [65])",
    "bytes(array('i', [1]) + array('i', [2]))", "a * 2",
    "a == array('i', [1, 2, 3])", "a == array('h', [1, 2, 3])", "a == array('f', [1, 2, 3])", "a == [1, 2, 3]",
    "[1, 2, 3] == a", "a != array('i', [1, 2])", "a != array('i', [1, 2, 3])", "a == 1", "1 == a", "a == None",
    "array('B', [65]) == b'A'", "b'A' == array('B', [65])", "array('B', [65]) == 'A'",
    "array('B', [65]) == bytearray(b'A')", "bytearray(b'A') == array('b', [65])", "bytearray(b'A') == array('h', [65])",
    "array('B', [65]) == memoryview(b'A')", "memoryview(b'A') == array('B', [65])",
    "array('f', [1.5]) == array('f', [1.5])", "array('h', [1, 2]) == array('b', [1, 0, 2, 0])",
    "array('h', [1, 2]) == array('H', [1, 2])", "array('i', [-1]) == array('I', [2**32 - 1])",
    "array('i') == array('i')", "array('b', [1]) != array('h', [1])", "array('f', [1.0]) == array('d', [1.0])",
    "a < array('i', [4])", "array('B', [65]) < array('B', [66])", "array('B', [65]) <= array('B', [65])",
    "array('B', [65]) > array('B', [66, 1])", "array('H', [1]) < array('H', [256])", "array('b', [1]) < array('B', [2])",
    "array('B', [65]) < b'B'", "b'A' < array('B', [66])", "b'AB' < array('h', [1])", "bytearray(b'A') < array('B', [66])",
    "array('i', [1]) < 1", "bytearray(b'A') < 1", "bytearray(b'A') < memoryview(b'B')", "b'A' < memoryview(b'B')",
    "b'A' == memoryview(b'A')", "bytearray(b'A') == memoryview(b'A')", "memoryview(b'a') == memoryview(b'a')",
    "sorted([array('B', [2]), array('B', [1])])",
    "2 in a", "1.5 in array('f', [1.5])", "'x' in a", "None in a", "b'a' in array('B', [97])",
    "array('B', [97]) in bytearray(b'xa')", "array('i', [1]) in [array('i', [1])]",
    "hash(a)", "hash(bytearray())", "hash(memoryview(b''))",
]:
    t(s)

d = array("i", [1])
e = d
d += array("i", [2, 3])
print(d, d is e)
for x in [array("h", [1]), [5], b"abcd", (7,), range(2)]:
    d = array("i", [1])
    d += x
    print(d)
try:
    d += 5
except TypeError as ex:
    print("TypeError", ex)
d = array("i", [1])
d.extend(array("i", [2]))
d.extend(array("h", [2]))
d.extend([3, 4])
d.extend(b"abcd")
print(d)
try:
    d.extend(5)
except TypeError as ex:
    print("TypeError", ex)
ba = bytearray(b"ab")
ba += array("h", [0x4142])
ba.extend(array("B", [0x43]))
print(ba)
