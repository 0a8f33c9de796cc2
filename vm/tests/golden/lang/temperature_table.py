for c in range(-10, 41, 10):
    f = c * 9 / 5 + 32
    print("%4d C = %5.1f F" % (c, f))
