iter(None)
