print(hash(1) == hash(1.0), hash("a") == hash("a"), hash(True), hash(None) == hash(None), id([]) != 0, type(id(1)))
