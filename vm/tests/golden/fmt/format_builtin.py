print("%s" % 42, "{:08b}".format(42), "{:.1f}".format(3.5), "{:>3}".format("s"), "{}".format(True), "{:X}".format(255))
