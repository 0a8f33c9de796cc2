# read(n) on a text stream counts characters; tell/seek count bytes; reading from the middle of
# a character is a UnicodeError (py/stream.c stream_read_generic)
import io


def attempt(f):
    try:
        r = f()
        print("ok", r if type(r) is not str else "<" + r + ">")
    except Exception as e:
        print(type(e).__name__, e)


s = io.StringIO("héllo\nwörld\n€x😀y\n")
print(s.read(2), s.tell())
print(s.read(1), s.tell())
print(s.readline(), s.tell())
print(s.readline(3), s.tell())
print(s.read(), s.tell())
for n in range(6):
    s.seek(0)
    print(n, "<" + s.read(n) + ">", s.tell())
s.seek(2)
attempt(lambda: s.read(1))
s.seek(2)
attempt(lambda: s.read())
s.seek(2)
attempt(lambda: s.readline())
s = io.StringIO("a😀b")
print(s.read(2), s.tell(), s.read(5), s.tell())
s = io.StringIO("aé\nb")
attempt(lambda: s.readline(2))
print(s.tell())
s = io.StringIO("aé\nb")
s.seek(2)
attempt(lambda: list(s))
s = io.StringIO("é")
s.seek(1)
s.write("a")
attempt(s.getvalue)
s = io.StringIO()
s.write("añb")
print(s.tell(), s.getvalue())
s.seek(0)
print(s.read(2))
s.seek(0)
s.write("€")
print(s.getvalue())
s = io.StringIO("aé")
print(s.read(-1), s.tell())
s.seek(0)
attempt(lambda: s.read(None))
attempt(lambda: s.seek(-1))
print(s.seek(-1, 2), s.seek(1, 1), s.seek(-10, 1))
s.seek(100)
print(s.tell(), repr(s.read(3)))
b = io.BytesIO("héllo".encode())
print(b.read(2), b.tell())
s = io.StringIO("hé")
bb = bytearray(3)
print(s.readinto(bb), bb)
print(hasattr(io.StringIO(), "readlines"), hasattr(io.BytesIO(), "readlines"))
with open("chars.txt", "w") as f:
    f.write("ünï\ncødé 😀!\n")
with open("chars.txt") as f:
    print(f.read(2), f.tell(), f.read(3), f.tell(), f.readline(), f.read(4), f.tell())
    f.seek(1)
    attempt(lambda: f.read(1))
    attempt(lambda: f.seek(-1))
with open("chars.txt") as f:
    print(len(f.readlines()))
import os
os.remove("chars.txt")
