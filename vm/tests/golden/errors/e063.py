range("a")
