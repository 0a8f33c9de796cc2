print(isinstance(True, bool), isinstance(1, bool), type(True) == bool, True + True, True * 3, -False, bool(0), bool("0"), bool([]), bool(None))
