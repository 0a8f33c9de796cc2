import hashlib
print(hashlib.sha256('abc').digest() == hashlib.sha256(b'abc').digest())
print(hashlib.sha256(bytearray(b'xyz')).digest())
h = hashlib.sha256()
h.update('text')
h.update(memoryview(b'more'))
print(h.digest())
