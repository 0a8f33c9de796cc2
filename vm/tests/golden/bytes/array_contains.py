# 'in' for bytearray, array and memoryview (array_binary_op); array() from buffers
from array import array
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, repr(e.args))
t(lambda: 2 in bytearray(b'\x02'))
t(lambda: 2.0 in bytearray(b'\x02'))
t(lambda: b'\x02' in bytearray(b'\x02'))
t(lambda: 'x' in bytearray(b'x'))
t(lambda: None in bytearray(b'x'))
t(lambda: 2 in array('i', [2]))
t(lambda: b'\x02' in array('B', [2]))
t(lambda: None in array('B', [2]))
t(lambda: b'x' in memoryview(b'x'))
t(lambda: bytearray(b'x') in bytearray(b'xy'))
t(lambda: 2 in b'\x02')
t(lambda: array('i', array('h', [1, 2])))
t(lambda: array('h', bytearray(b'\x01\x00')))
t(lambda: array('h', b'\x01\x00'))
t(lambda: array('h', 'ab'))
