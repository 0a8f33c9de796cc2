sorted(5)
