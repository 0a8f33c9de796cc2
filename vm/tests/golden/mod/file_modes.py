with open("fm.bin", "wb") as f:
    print(f.write(b"\x00\x01\x02hello\n"), f.write(bytearray(b"xyz")))
with open("fm.bin", "rb") as f:
    print(f.read(3), f.tell(), f.readline(), f.read())
    f.seek(0)
    buf = bytearray(4)
    print(f.readinto(buf), buf, f.tell())
    f.seek(-2, 2)
    print(f.read())
with open("fm.txt", "w") as f:
    for i in range(3):
        f.write("line %d\n" % i)
with open("fm.txt", "a") as f:
    f.write("tail\n")
with open("fm.txt") as f:
    print([l.rstrip() for l in f])
with open("fm.txt", "r+") as f:
    f.write("LINE")
    f.seek(0)
    print(repr(f.read()))
f = open("fm.txt")
print(f.readlines()[-1], f.read() == "")
f.close()
try:
    f.read()
except ValueError as e:
    print("closed:", e)
import os
os.remove("fm.txt"); os.remove("fm.bin")
print([n for n in os.listdir() if n.startswith("fm.")])
