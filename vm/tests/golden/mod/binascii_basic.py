import binascii
print(binascii.hexlify(b"\x01\xff"), binascii.unhexlify("01ff"), binascii.b2a_base64(b"hello"), binascii.a2b_base64(b"aGVsbG8="))
