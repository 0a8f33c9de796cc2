sum(5)
