print("banana".count("a"), "banana".count("an"), "banana".count(""), "banana".find("na", 3), "banana".rfind("na", 0, 4), "banana".index("n"))
