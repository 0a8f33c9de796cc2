getattr(1, 5)
