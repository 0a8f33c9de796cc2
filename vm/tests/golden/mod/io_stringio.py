import io
s = io.StringIO()
s.write("hello ")
s.write("world\n")
print(repr(s.getvalue()))
r = io.StringIO("a\nb\nc")
print(r.readline(), r.read())
b = io.BytesIO(b"xyz")
print(b.read(2), b.read(), b.getvalue())
