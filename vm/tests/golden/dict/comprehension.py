print({x: x * x for x in range(4)}, {k: v for k, v in zip("abc", range(3)) if v})
