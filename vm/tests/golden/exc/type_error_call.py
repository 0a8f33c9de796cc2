len(1, 2)
