print(bytes(3), bytes([65, 66]), bytes("hé", "utf-8"), bytes(range(3)), bytearray(b"ab"), bytearray(2), bytes(bytearray(b"x")))
