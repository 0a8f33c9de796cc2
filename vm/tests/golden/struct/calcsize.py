import struct
for f in ['b', 'B', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'f', 'd', 's', 'P', 'x', 'e']:
    print(f, struct.calcsize(f), struct.calcsize('@b' + f), struct.calcsize('<b' + f))
print(struct.calcsize('<3h2s'), struct.calcsize('2i'), struct.calcsize(''), struct.calcsize('<'))
print(struct.calcsize('<10s'), struct.calcsize('<0h'), struct.calcsize('!bd'))
