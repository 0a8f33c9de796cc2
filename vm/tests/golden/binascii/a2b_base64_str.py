# golden: manual. Boards' C binascii accepts str (buffer protocol); the wasm port's Python
# binascii fails with TypeError on str input.
import binascii
print(binascii.a2b_base64('aGVsbG8='))
print(binascii.crc32('abc'))
print(binascii.b2a_base64('abc'))
