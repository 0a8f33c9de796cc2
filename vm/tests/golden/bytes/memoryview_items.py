# memoryview of an array: items by the array's typecode; writes through it change the array
from array import array
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, repr(e.args))
a = array('i', [1, 2, 300000])
m = memoryview(a)
t(lambda: (len(m), m[0], m[1], m[2], m[-1]))
t(lambda: list(m))
t(lambda: m[1:])
t(lambda: list(m[1:]))
t(lambda: bytes(m))
t(lambda: [x for x in dir(m) if not x.startswith('__')])
def w():
    m[1] = 42; return a
t(w)
def w2():
    m[1:3] = array('i', [7, 8]); return a
t(w2)
def w3():
    m[0] = 2**40; return a
t(w3)
def w4():
    m[0] = 1.5; return a
t(w4)
f = array('f', [1.5, 2.5])
mf = memoryview(f)
t(lambda: (mf[0], mf[1], len(mf)))
def w5():
    mf[0] = 3; return f
t(w5)
d = array('d', [1.5, 2.5]); md = memoryview(d)
t(lambda: (md[1], len(md)))
h = array('H', [65535, 1]); mh = memoryview(h)
t(lambda: (mh[0], mh[1]))
def w6():
    mh[0] = -1; return h
t(w6)
q = array('q', [2**40, -1]); mq = memoryview(q)
t(lambda: (mq[0], mq[1]))
b = array('b', [-1, 5]); mb = memoryview(b)
t(lambda: (mb[0], mb[1:], list(mb[1:])))
ba = bytearray(b'abc'); mba = memoryview(ba)
t(lambda: (mba[0], mba[1:2], bytes(mba[1:2])))
def w7():
    mba[0] = 65; return ba
t(w7)
def w8():
    mba[0] = 256; return ba
t(w8)
def w9():
    mba[0:1] = b'Z'; return ba
t(w9)
t(lambda: m == a)
t(lambda: m == array('i', [1, 42, 8, 9]))
t(lambda: memoryview(b'ab') == b'ab')
t(lambda: memoryview(a)[0:2] == array('i', [1, 42]))
mm = memoryview(m)
t(lambda: (mm[1], len(mm)))
t(lambda: m.itemsize if hasattr(m, 'itemsize') else 'no itemsize')
t(lambda: str(m)[:12])
t(lambda: memoryview(array('i', [1,2]))[5])
t(lambda: array('i', memoryview(array('i', [5, 6]))))
t(lambda: bytearray(memoryview(array('h', [1, 2]))))
import struct
t(lambda: struct.unpack('<2i', memoryview(array('i', [3, 4]))))
t(lambda: memoryview(array('i', [1,2]))[::2])
