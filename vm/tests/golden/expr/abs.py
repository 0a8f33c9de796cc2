print(abs(-5), abs(5.5), abs(-2**70), abs(True), abs(-0.0))
