list(5)
