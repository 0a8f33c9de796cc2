"{0} {1}".format(1)
