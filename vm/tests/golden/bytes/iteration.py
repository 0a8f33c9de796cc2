for x in b"AB":
    print(x)
print([c for c in bytearray(b"hi")])
