b = b"a,b,c"
print(b.split(b","), b.replace(b",", b";"), b.find(b"b"), b.startswith(b"a"), b.strip(b"ac"), b"-".join([b"x", b"y"]), b.hex(), bytes.fromhex("4142"))
