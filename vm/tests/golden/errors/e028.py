dict(5)
