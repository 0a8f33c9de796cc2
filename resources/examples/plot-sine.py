# Prints (sine, cosine) tuples scaled to -100..100: open the Plotter to watch them as lines.
import math
import time

for step in range(60):
    angle = step * math.pi / 15
    print((round(100 * math.sin(angle)), round(100 * math.cos(angle))))
    time.sleep(0.05)
