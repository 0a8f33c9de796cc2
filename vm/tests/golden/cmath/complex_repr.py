print(1+2j, repr(1+2j), 2j, -1j, 0j, 1.5+0j, 1e-7j)
print(complex(1e20, -1e-5), complex(float('inf'), float('nan')), 1/3 + 1j/3, complex(0.1, 0.2), 123456789.123+1j)
print(complex(1, float('nan')), complex(1, -float('inf')), complex(-1, 0), complex(0, -2.5), complex(1e16, 1e-5))
print(str(1+2j), '%s' % (2-1j), [1j, (1+1j)])
