import math
for f in [math.sin, math.cos, math.tan, math.atan]:
    print("%.6f" % f(0.5))
print("%.6f" % math.atan2(1, 1), math.degrees(math.pi), math.radians(180))
