import binascii
print(binascii.b2a_base64(b'hello', newline=False))
print(binascii.b2a_base64(b'hello', newline=True))
print(binascii.b2a_base64(b'', newline=False))
