import struct
print(struct.unpack('<hhl', b'\x01\x00\x02\x00\x03\x00\x00\x00'))
print(struct.unpack('>i', b'\x80\x00\x00\x00'))
print(struct.unpack('<I', b'\xff' * 4), struct.unpack('<l', b'\xff' * 4))
print(struct.unpack('<3H', bytearray(b'\x01\x00\x02\x00\x03\x00')))
print(struct.unpack('<h', b'\x01\x02\x03'))
