"a{}".format
