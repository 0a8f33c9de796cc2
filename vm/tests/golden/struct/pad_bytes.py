import struct
print(struct.pack('<2x'), struct.pack('<hxh', 1, 2), struct.calcsize('<hxh'))
print(struct.unpack('<hxh', b'\x01\x00\x00\x02\x00'))
print(struct.unpack('<2xh', b'\xff\xff\x02\x00'))
