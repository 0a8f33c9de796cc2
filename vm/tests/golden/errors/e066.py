"abc".split(1)
