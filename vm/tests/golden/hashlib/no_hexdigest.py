import hashlib
h = hashlib.sha256(b'abc')
print(h, type(h))
h.hexdigest()
