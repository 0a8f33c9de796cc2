print((255).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"), (1024).bit_length() if hasattr(1, "bit_length") else 11)
print(int("777", 8), int(b"42"), 7 .__class__.__name__ if False else "int")
print(divmod(-7, 3), -7 // 3, -7 % 3, 7 % -3, abs(-7) // 3)
