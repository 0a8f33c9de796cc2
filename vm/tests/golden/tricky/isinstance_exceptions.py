e = KeyError("x")
print(isinstance(e, LookupError), isinstance(e, Exception), isinstance(e, ValueError), issubclass(KeyError, LookupError))
