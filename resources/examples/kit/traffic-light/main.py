# Traffic light: red on GP15, amber on GP14, green on GP13 (each LED with a 330 Ω resistor).
from machine import Pin
import time

red = Pin(15, Pin.OUT)
amber = Pin(14, Pin.OUT)
green = Pin(13, Pin.OUT)
PHASES = [("red", 1, 0, 0, 3), ("red+amber", 1, 1, 0, 1), ("green", 0, 0, 1, 3), ("amber", 0, 1, 0, 1)]
while True:
    for name, r, a, g, seconds in PHASES:
        red.value(r)
        amber.value(a)
        green.value(g)
        print(name)
        time.sleep(seconds)
