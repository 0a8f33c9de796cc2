e = ValueError("a", 2)
print(e.args, str(e), repr(e), repr(ValueError()), str(ValueError()), repr(KeyError("k")), str(KeyError("k")))
