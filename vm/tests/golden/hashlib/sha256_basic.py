import hashlib
print(hashlib.sha256(b'abc').digest())
print(hashlib.sha256().digest())
print(hashlib.sha256(b'').digest() == hashlib.sha256().digest())
