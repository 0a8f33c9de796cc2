x = -0.0
print(complex(x, x), complex(0, x), complex(1, x), complex(x, 1), x * 1j, 1j * x, -0.0 - 1j)
import cmath
print(cmath.cos(1j), cmath.cos(0))
