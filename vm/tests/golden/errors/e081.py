"a" + b"b"
