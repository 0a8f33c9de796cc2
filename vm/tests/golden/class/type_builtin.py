print(type(1), type("a"), type(1.0), type([]), type({}), type(None), type(True), type(type), type(len), type(range(1)))
