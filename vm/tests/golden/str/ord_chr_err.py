print(ord("a"), chr(97))
ord("ab")
