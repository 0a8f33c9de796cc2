import uhashlib, hashlib
print(uhashlib.sha256 is hashlib.sha256)
print(uhashlib.sha256(b'x').digest() == hashlib.sha256(b'x').digest())
