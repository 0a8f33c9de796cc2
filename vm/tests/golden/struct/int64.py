import struct
print(struct.pack('<Q', 2**64 - 1), struct.unpack('<Q', b'\xff' * 8))
print(struct.unpack('<q', b'\xff' * 8))
print(struct.pack('>q', -2), struct.pack('>Q', 2**63))
print(struct.unpack('>q', b'\x7f' + b'\xff' * 7))
