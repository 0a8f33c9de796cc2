print("abc" < "abd", "abc" == "abc", "a" < "B", "Z" < "a", sorted(["b", "A", "a", "B"]), max("hello"), min("hello"))
