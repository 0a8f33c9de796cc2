import struct
print(struct.pack('bi', 1, 2), struct.calcsize('bi'))
print(struct.pack('@bq', 1, 2))
print(struct.pack('@hd', 1, 2.5))
print(struct.unpack('@bi', b'\x01\x00\x00\x00\x02\x00\x00\x00'))
print(struct.calcsize('@bhbi'), struct.calcsize('<bhbi'))
