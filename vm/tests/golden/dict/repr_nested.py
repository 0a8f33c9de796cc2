print({"a": [1, {"b": (2, "c")}], 1: None, None: True})
