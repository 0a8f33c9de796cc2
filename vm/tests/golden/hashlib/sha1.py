# golden: manual. The wasm port builds only sha256; boards with sha1 give these digests
# (checked against CPython's hashlib).
import hashlib
for n in (0, 3, 55, 56, 64, 1000):
    print(n, hashlib.sha1(b'a' * n).digest())
h = hashlib.sha1(b'ab')
h.update(b'c')
print(h.digest() == hashlib.sha1(b'abc').digest())
try:
    h.update(b'x')
except ValueError as e:
    print('ValueError', e)
