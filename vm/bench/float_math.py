# Floats and math.sin.
import math
acc = 0.0
x = 0.0
for i in range(200000):
    x += 0.001
    acc += math.sin(x) * 0.5 + x / 3.0
print("%.6f" % acc)
