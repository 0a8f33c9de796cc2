print(sorted({x % 3 for x in range(10)}), {len(w) for w in ["a", "bb", "cc"]} == {1, 2})
