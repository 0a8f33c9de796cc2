print(len("abc"), len([1]), len((1, 2)), len({1: 2}), len({1, 2, 3}), len(range(10)), len(b"ab"), len(bytearray(3)), len(""))
