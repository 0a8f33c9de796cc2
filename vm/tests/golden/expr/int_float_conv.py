print(int(3.9), int(-3.9), float(3), int("42"), int(" -7 "), float("1.5"), float("-inf"), int("0x1f", 16), int("1f", 16), int("0b101", 0), int("z", 36))
