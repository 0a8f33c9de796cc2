z = 3-4j
print(z.real, z.imag, type(z.real), type(z), type(z).__name__, isinstance(z, complex))
print(abs(z), abs(1+2j), bool(0j), bool(1j), bool(complex(0, 0.0)))
