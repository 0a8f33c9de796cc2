# arrays of scalars and of structs, byte arrays sharing memory, and pointers between buffers
import uctypes
desc = {
    "raw": (uctypes.ARRAY | 0, uctypes.UINT8 | 4),
    "words": (uctypes.ARRAY | 0, uctypes.UINT16 | 2),
    "pairs": (uctypes.ARRAY | 0, 2, {"a": uctypes.UINT8 | 0, "b": uctypes.INT8 | 1}),
    "f": uctypes.FLOAT32 | 4,
}
data = bytearray(b"\x01\x02\xfe\xff\x00\x00\x00\x00")
s = uctypes.struct(uctypes.addressof(data), desc, uctypes.LITTLE_ENDIAN)
print(type(s.raw), s.raw, s.words[0], hex(s.words[1]), s.pairs[1].a, s.pairs[1].b)
s.raw[0] = 9
s.words[1] = 0x0102
s.f = 1.5
print(data, s.f, uctypes.sizeof(s.pairs), uctypes.sizeof(s.words))
try:
    s.words[2]
except IndexError as e:
    print('IndexError', e)
target = b"AB"
addr = uctypes.addressof(target)
holder = bytearray(addr.to_bytes(4, "little"))
p = uctypes.struct(uctypes.addressof(holder), {"p": (uctypes.PTR | 0, uctypes.UINT8), "q": (uctypes.PTR | 0, {"c": uctypes.UINT8 | 0})}, uctypes.LITTLE_ENDIAN)
print(int(p.p) == addr, p.p[0], p.p[1], p.q[1].c, uctypes.bytes_at(addr, 2), uctypes.bytearray_at(addr, 1))
