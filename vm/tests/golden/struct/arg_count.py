# MicroPython zero-fills missing values and ignores extra ones.
import struct
print(struct.pack('<hh', 1))
print(struct.pack('<h', 1, 2))
try:
    struct.pack()
except TypeError as e:
    print('TypeError', e)
try:
    struct.unpack('<h')
except TypeError as e:
    print('TypeError', e)
