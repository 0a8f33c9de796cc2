import struct
print(struct.pack('3s', b'abcdef'), struct.pack('5s', b'ab'), struct.pack('s', b'xy'))
print(struct.pack('2s3s', 'ab', b'c'))
print(struct.unpack('<5s', b'abcde'), struct.unpack('<2s', bytearray(b'ab')))
print(struct.pack('<0s'), struct.unpack('<0sh', b'\x01\x00'))
print(struct.unpack('<h', 'ab'))
