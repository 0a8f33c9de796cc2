ba = bytearray(b"hello")
m = memoryview(ba)
print(len(m), m[0], bytes(m[1:3]))
m[0] = 72
print(ba)
