print(B"x")
