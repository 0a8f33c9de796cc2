import struct
try:
    struct.unpack('<hh', b'\x00')
except ValueError as e:
    print('ValueError', e)
struct.unpack('<i', b'\x00\x00')
