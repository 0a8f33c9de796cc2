print(int("ff", 16), int("0o17", 0), int("101", 2), int("-z", 36), int("  42  "), int("1_000"), int(True), int(-0.5))
