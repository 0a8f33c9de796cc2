print("abc".startswith("ab"), "abc".endswith("bc"), "abc".startswith(("x", "a")), "123".isdigit(), "abc".isalpha(), " ".isspace(), "AB".isupper(), "ab".islower())
