import struct
p = struct.pack("<hHi", -2, 65535, 100000)
print(p, len(p), struct.unpack("<hHi", p), struct.calcsize("<hHi"), struct.pack(">I", 1), struct.unpack("<f", struct.pack("<f", 1.5)))
