# golden: manual. The wasm port builds only sha256; boards with md5 give these digests
# (checked against CPython's hashlib).
import hashlib
for n in (0, 3, 55, 56, 64, 1000):
    print(n, hashlib.md5(b'a' * n).digest())
h = hashlib.md5(b'ab')
h.update(b'c')
print(h.digest() == hashlib.md5(b'abc').digest())
print(hashlib.md5(b'The quick brown fox jumps over the lazy dog').digest())
