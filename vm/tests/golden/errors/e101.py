"a" in 5
