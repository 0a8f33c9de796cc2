"abc".foo = 1
