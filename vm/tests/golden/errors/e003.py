1 + None
