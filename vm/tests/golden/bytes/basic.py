b = b"hello"
print(b, len(b), b[0], b[-1], b[1:3], b + b"!", b * 2, b.upper(), b.decode(), list(b[:2]), b"l" in b, 104 in b)
