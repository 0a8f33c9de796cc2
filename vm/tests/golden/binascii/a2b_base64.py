import binascii
print(binascii.a2b_base64(b'aGVsbG8=\n'), binascii.a2b_base64(b''))
for s in [b'YQ==YQ==', b'Y Q = =', b'YWI=', b'!!!!', b'aGVsbG8==', b'//79/A==']:
    print(s, binascii.a2b_base64(s))
print(binascii.a2b_base64(binascii.b2a_base64(bytes(range(20)))) == bytes(range(20)))
