print(1 in [1,2], 3 in (1,2), "a" in "abc", "x" not in "abc", 1 in {1: 2}, 2 in {1}, 3 in range(5), 5 in range(0, 10, 2))
