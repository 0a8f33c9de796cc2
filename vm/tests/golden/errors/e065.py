"a".join("b", "c")
