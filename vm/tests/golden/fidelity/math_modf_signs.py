# modf gives both parts x's sign, and (0.0, inf) for infinities
import math
print(math.modf(-1))
print(math.modf(-0.5))
print(math.modf(2))
print(math.modf(-0.0))
print(math.modf(float('inf')), math.modf(float('-inf')))
print(math.modf(3.25), math.modf(-3.25))
