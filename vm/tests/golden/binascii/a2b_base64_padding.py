# golden: manual. The wasm port freezes micropython-lib's Python binascii, which raises
# Exception('Incorrect padding'); boards run extmod/modbinascii.c: ValueError('incorrect padding').
import binascii
for s in [b'aGVsbG8', b'a', b'ab', b'abc', b'a===', b'ab=c', b'YQ', b'aGVs bG8']:
    try:
        print(s, binascii.a2b_base64(s))
    except ValueError as e:
        print(s, 'ValueError', e)
