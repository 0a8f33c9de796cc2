"abc".replace(1, 2)
