import math as m
from math import sqrt as s, pi
print(m.sqrt(4), s(9), pi)
import sys, math
print(math is m)
