# golden: manual. Texts of extmod/modbinascii.c (the wasm port's Python binascii differs).
import binascii
for f, a in [(binascii.hexlify, (5,)), (binascii.a2b_base64, (5,)), (binascii.b2a_base64, (None,)), (binascii.crc32, (1.5,)), (binascii.hexlify, (b'ab', 5))]:
    try:
        print(f(*a))
    except TypeError as e:
        print('TypeError', e)
