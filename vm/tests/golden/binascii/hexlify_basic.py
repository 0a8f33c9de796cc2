import binascii
print(binascii.hexlify(b'\x01\xab\xff'), binascii.hexlify(bytearray(b'ab')), binascii.hexlify(b''))
print(binascii.hexlify(bytes(range(16))))
print(binascii.hexlify('ab'))
