import struct, binascii, hashlib, json, io
from array import array
a = array('h', [1, -2])
print(struct.unpack('<hh', a), binascii.hexlify(a), hashlib.sha256(a).digest()[:4])
b = bytearray(4)
struct.pack_into('<h', b, 1, 258)
print(b, struct.unpack_from('<h', memoryview(b), 1))
m = memoryview(b)[1:3]
print(struct.unpack('<h', m), binascii.hexlify(m))
print(json.loads(memoryview(b'[1]')))
s = io.BytesIO()
s.write(struct.pack('<I', 7))
print(s.getvalue(), binascii.crc32(s.getvalue()))
