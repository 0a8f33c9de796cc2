help()
help(len)
