b"a" + "b"
