import binascii
print(binascii.crc32(b'hello'), binascii.crc32(b''), binascii.crc32(b'hello world'))
print(binascii.crc32(b'world', binascii.crc32(b'hello ')))
print(binascii.crc32(b'a', -1), binascii.crc32(b'a', 2**32 + 5))
print(binascii.crc32(bytes(range(256))))
