import math
print(math.isnan(float("nan")), math.isinf(float("inf")), math.isfinite(1.0), math.copysign(2, -0.0), math.fmod(7, 3), math.modf(2.5), math.frexp(8), math.ldexp(0.5, 4), math.factorial(20))
