import hashlib
h = hashlib.sha256(b'abc')
h.digest()
for f in (h.digest, lambda: h.update(b'x')):
    try:
        f()
    except ValueError as e:
        print('ValueError', e)
