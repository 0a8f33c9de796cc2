# replacing '' inserts between characters and at both ends; in an empty string, once
print(repr("".replace("", "1")), repr("ab".replace("", "-")), repr("ab".replace("", "-", 1)), repr("ab".replace("", "-", 5)))
print(repr(b"".replace(b"", b"1")), repr(b"xy".replace(b"", b".")), repr(bytearray(b"").replace(b"", b"z")))
