import cmath
print(cmath.pi, cmath.e, type(cmath.pi))
print(sorted(k for k in dir(cmath) if not k.startswith('_')))
