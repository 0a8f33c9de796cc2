import struct
for args in [('<h', 'a'), ('<h', 1.5), ('<s', 1), ('<f', 'x'), ('<h', None)]:
    try:
        print(struct.pack(*args))
    except TypeError as e:
        print(args, 'TypeError', e)
struct.unpack('<h', 5)
