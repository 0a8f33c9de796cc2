import binascii
print(binascii.hexlify(b'\x01\xab\xff', ':'), binascii.hexlify(b'\x01\xab\xff', b'-'))
print(binascii.hexlify(b'\x01', ':'), binascii.hexlify(b'', ':'))
