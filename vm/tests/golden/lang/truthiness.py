for v in [0, 1, "", "a", [], [0], {}, {0: 0}, None, 0.0, 0.1, (), (0,), set()]:
    print(repr(v), bool(v))
