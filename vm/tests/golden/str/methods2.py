print("a,b,,c".split(","), "a b  c".split(), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1), "x".join(["1","2","3"]), "abc".replace("b", "BB"), "aaa".replace("a", "b", 2))
