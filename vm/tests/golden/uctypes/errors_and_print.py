# bad descriptors and operations raise TypeError; printing names the aggregate kind
import uctypes
data = bytearray(8)
a = uctypes.addressof(data)
tests = (
    lambda: uctypes.struct(data, {}),
    lambda: uctypes.struct(a, []).x,
    lambda: uctypes.struct(a, {"x": []}).x,
    lambda: hash(uctypes.struct(a, {})),
    lambda: uctypes.sizeof(()),
    lambda: uctypes.sizeof(("garbage",)),
    lambda: uctypes.sizeof(uctypes.UINT8),
    lambda: uctypes.struct(a, {"x": uctypes.UINT8})[0],
)
for t in tests:
    try:
        t()
    except TypeError as e:
        print('TypeError', e)
s = uctypes.struct(a, {"x": (uctypes.ARRAY | 0, uctypes.INT8 | 2)})
try:
    s.x = 1
except TypeError as e:
    print('TypeError', e)
try:
    s.y
except KeyError as e:
    print('KeyError', e)
for d in ({"arr": (uctypes.ARRAY | 0, uctypes.UINT8 | 1)}, [1], (uctypes.ARRAY | 0, uctypes.UINT8 | 1), (uctypes.PTR | 0, uctypes.UINT8)):
    print(repr(uctypes.struct(0, d)))
print(uctypes.UINT8, uctypes.INT8, uctypes.UINT64, uctypes.FLOAT64, uctypes.PTR, uctypes.ARRAY, uctypes.BF_POS, uctypes.BF_LEN, uctypes.NATIVE)
