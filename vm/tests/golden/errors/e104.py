x: int = "hint"; print(x)
