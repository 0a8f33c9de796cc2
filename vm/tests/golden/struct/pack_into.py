import struct
b = bytearray(8)
print(struct.pack_into('<hh', b, 2, 5, -1), b)
struct.pack_into('>H', b, -2, 0x1234)
print(b)
for off in (6, -2 - 8, 7):
    try:
        struct.pack_into('<hh', b, off, 5, -1)
    except ValueError as e:
        print(off, 'ValueError', e)
try:
    struct.pack_into('<h', b'\x00\x00', 0, 1)
except Exception as e:
    print(type(e).__name__)
