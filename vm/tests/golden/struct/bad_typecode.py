import struct
for f in ['z', '?', 'n', '=h', ' <h', '<h h', 'h<']:
    try:
        print(struct.calcsize(f))
    except ValueError as e:
        print(repr(f), 'ValueError', e)
struct.pack('<y', 1)
