import struct
print(struct.pack('<f', 1.5), struct.pack('<d', -2.25), struct.pack('<d', 3))
print(struct.unpack('<f', struct.pack('<f', 0.1)))
print(struct.pack('<f', 1e40), struct.pack('>f', float('inf')))
print(struct.unpack('>d', b'\x7f\xf8' + b'\x00' * 6))
print(struct.pack('<e', 1.5), struct.unpack('<e', b'\x00\x3e'), struct.unpack('<e', struct.pack('<e', 0.1)))
