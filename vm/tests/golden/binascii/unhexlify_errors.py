import binascii
for s in ['abc', 'zz', '0g', b'1', 5]:
    try:
        print(binascii.unhexlify(s))
    except (ValueError, TypeError) as e:
        print(repr(s), type(e).__name__, e)
