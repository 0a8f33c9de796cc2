import binascii
print(binascii.unhexlify(b'01abFF'), binascii.unhexlify('6162'), binascii.unhexlify(''))
print(binascii.unhexlify(bytearray(b'00ff')))
print(binascii.unhexlify(binascii.hexlify(b'round trip')))
