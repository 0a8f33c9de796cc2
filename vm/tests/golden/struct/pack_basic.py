import struct
print(struct.pack('<hhl', 1, 2, 3))
print(struct.pack('>hhl', 1, 2, 3))
print(struct.pack('!I', 0xdeadbeef))
print(struct.pack('<bBhH', -1, 255, -2, 65535))
print(struct.pack('<3h', 1, 2, 3))
