print(b"a" < b"b", b"abc" == b"abc", b"a" == "a", bytearray(b"x") == b"x", b"ab" > b"a")
