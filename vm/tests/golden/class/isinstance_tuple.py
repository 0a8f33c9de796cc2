print(isinstance(1, (str, int)), isinstance("a", (list, tuple)), isinstance(True, int), isinstance(1.0, float), issubclass(bool, int), isinstance([], object), isinstance(int, type))
