"{:q}".format(1)
