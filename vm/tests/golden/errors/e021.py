len(None)
