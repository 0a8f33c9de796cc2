print(min(3, 1, 2), max([1, 5, 3]), min("bca"), max([], default=0), min([4, 2], key=lambda x: -x), max("a", "bb", key=len), min((2, "b"), (1, "z")))
