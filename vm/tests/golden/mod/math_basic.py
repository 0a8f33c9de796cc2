import math
print(math.sqrt(16), math.pi, math.e, math.floor(2.7), math.ceil(2.1), math.trunc(-2.7), math.fabs(-3), math.pow(2, 10), math.log(math.e), math.log10(1000), math.log2(8), math.exp(0))
