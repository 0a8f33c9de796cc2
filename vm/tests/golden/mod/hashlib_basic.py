import hashlib
print(hashlib.sha256(b"abc").digest().hex() if hasattr(bytes, "hex") else hashlib.sha256(b"abc").digest())
h = hashlib.sha256()
h.update(b"a")
h.update(b"bc")
print(len(h.digest()))
