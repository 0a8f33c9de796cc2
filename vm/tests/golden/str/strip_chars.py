print("xxhixx".strip("x"), "abcba".lstrip("ab"), "abcba".rstrip("ab"), "  x ".strip(" "))
