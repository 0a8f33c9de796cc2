import struct
b = bytes(range(10))
print(struct.unpack_from('<h', b, 2), struct.unpack_from('<h', b, -2), struct.unpack_from('<h', b))
print(struct.unpack_from('>I', b, 4), struct.unpack('<h', b, 8))
for off in (9, 10, -11):
    try:
        print(struct.unpack_from('<h', b, off))
    except ValueError as e:
        print(off, 'ValueError', e)
