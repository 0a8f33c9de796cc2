"{:d}".format("a")
