# MicroPython's software binary16 encoder: rounds half up and lets large exponents wrap.
import struct
for v in [0.0, -0.0, 1.0, -2.5e-3, 65504.0, 65520.0, 1e5, 1e10, 1e20, 1e-8, 6e-5, 3.14159, float('inf'), -float('inf')]:
    print(v, struct.pack('<e', v), struct.pack('>e', v))
print(struct.unpack('<4e', b'\x00\x7c\x00\xfc\x01\x00\xff\x7b'))
print(struct.unpack('<e', b'\x00\x7e')[0] != struct.unpack('<e', b'\x00\x7e')[0])
