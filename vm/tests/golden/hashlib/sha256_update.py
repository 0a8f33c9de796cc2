import hashlib
h = hashlib.sha256(b'abc')
print(h.update(b'def'))
print(h.digest())
print(h.digest() if False else hashlib.sha256(b'abcdef').digest())
