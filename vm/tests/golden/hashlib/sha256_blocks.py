# Padding edge cases around the 64-byte block size.
import hashlib
for n in (55, 56, 63, 64, 65, 1000):
    print(n, hashlib.sha256(b'a' * n).digest())
h = hashlib.sha256()
for i in range(100):
    h.update(bytes([i]) * i)
print(h.digest())
