# A zero count packs nothing and does not align, in native ('@') mode too.
import struct
for f in ['@x0I0s', '@3HHB0Q', '@b0i', '@b0ih', '<0q', '@0d3b2H']:
    print(f, struct.calcsize(f))
print(struct.pack('@b0ih', 1, 2), struct.pack('@3HHB0Q', 1, 2, 3, 4, 5))
print(struct.unpack('@b0ih', b'\x01\x00\x02\x00'))
