import binascii
print(binascii.b2a_base64(b'hello'), binascii.b2a_base64(b''))
print(binascii.b2a_base64(b'\xff\xfe\xfd\xfc'), binascii.b2a_base64(b'a'), binascii.b2a_base64(b'ab'), binascii.b2a_base64(b'abc'))
print(binascii.b2a_base64(bytes(range(48))))
