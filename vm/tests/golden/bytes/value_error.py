bytearray(b"a")[0] = 300
