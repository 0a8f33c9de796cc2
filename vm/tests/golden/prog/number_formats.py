for n in [0, 7, 255, 1024, -42, 65535]:
    print("%5d %6x %8o %s %s" % (n, n, n, bin(n), hex(n)))
for f in [3.14159, 2.0, 1e-3, 123456.789, -0.5]:
    print("%.2f %8.3f %e %g" % (f, f, f, f))
