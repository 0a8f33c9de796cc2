import ubinascii
print(ubinascii.hexlify(b'\x12\x34'), ubinascii.unhexlify('1234'))
