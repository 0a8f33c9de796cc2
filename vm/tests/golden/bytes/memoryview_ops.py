# memoryview: comparisons, slice assignment, conversions and errors by typecode
from array import array
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, repr(e.args))
a = array('i', [1, 2, 3])
m = memoryview(a)
t(lambda: m == a)
t(lambda: a == m)
t(lambda: m == array('i', [1, 2, 3]))
t(lambda: m == array('I', [1, 2, 3]))
t(lambda: m == array('h', [1, 2, 3]))
t(lambda: m == b'\x01\x00\x00\x00\x02\x00\x00\x00\x03\x00\x00\x00')
t(lambda: m[0:2] == array('i', [1, 2]))
t(lambda: m < array('I', [1, 2, 4]))
t(lambda: m == memoryview(array('i', [1, 2, 3])))
t(lambda: array('i', [9]) + m)
t(lambda: bytes(m[1:]))
t(lambda: memoryview(array('i', [1, 2]))[5])
t(lambda: memoryview(array('i', [1, 2]))[-3])
def s1():
    m[0:1] = array('i', [7]); return a
t(s1)
def s2():
    m[0:1] = b'abcd'; return a
t(s2)
def s3():
    m[0:2] = array('i', [7]); return a
t(s3)
def s4():
    m[0:1] = array('f', [7]); return a
t(s4)
def s5():
    memoryview(b'ab')[0] = 1
t(s5)
def s6():
    m['x'] = 1
t(s6)
def s7():
    m[0] = 'x'
t(s7)
t(lambda: m['x'])
t(lambda: 2 in m)
t(lambda: [x for x in m[1:]])
t(lambda: sum(m))
t(lambda: list(memoryview(array('d', [0.5, 1e300]))))
t(lambda: list(memoryview(array('Q', [2**64-1]))))
t(lambda: list(memoryview(array('L', [2**32-1]))))
t(lambda: list(memoryview(array('l', [-5]))))
t(lambda: list(memoryview(bytearray(b'ab'))))
t(lambda: list(memoryview(b'ab')))
t(lambda: memoryview(memoryview(a)[1:])[1])
t(lambda: memoryview('abc'))
t(lambda: memoryview(5))
t(lambda: len(memoryview(a)[1:]))
t(lambda: memoryview(a).hex())
t(lambda: bytearray(memoryview(array('h', [1, 2]))[1:]))
t(lambda: array('h', memoryview(array('h', [1, 2]))))
t(lambda: array('i', memoryview(bytearray(b'\x01\x00\x00\x00'))))
t(lambda: memoryview(a)[0:0])
t(lambda: bool(memoryview(a)[0:0]))
t(lambda: memoryview(array('i', [1,2])) * 2)
t(lambda: memoryview(a) + b'x')
ba = bytearray(b'abcd')
mv = memoryview(ba)[1:3]
def s8():
    mv[0] = 0x5a; mv[1:2] = b'Q'; return ba
t(s8)
def s9():
    f = array('f', [0.0, 0.0]); mf = memoryview(f); mf[1] = 2; mf[0] = 1.25; return f
t(s9)
def s10():
    q = array('q', [0]); mq = memoryview(q); mq[0] = -2**40; return q
t(s10)
def s11():
    q = array('B', [0, 0]); mq = memoryview(q); mq[0] = 300; mq[1] = -1; return q
t(s11)
def s12():
    q = array('I', [0]); mq = memoryview(q); mq[0] = 2**40 + 5; return q
t(s12)
def s13():
    q = array('i', [0]); mq = memoryview(q); mq[0] = True; return q
t(s13)
