# NeoPixel rainbow: an 8-LED WS2812 strip on GP28 runs through the colour wheel.
from machine import Pin
import neopixel
import time

N = 8
strip = neopixel.NeoPixel(Pin(28), N)


def wheel(pos):
    pos %= 256
    if pos < 85:
        return (255 - pos * 3, pos * 3, 0)
    if pos < 170:
        pos -= 85
        return (0, 255 - pos * 3, pos * 3)
    pos -= 170
    return (pos * 3, 0, 255 - pos * 3)


step = 0
while True:
    for i in range(N):
        strip[i] = wheel(step + i * 256 // N)
    strip.write()
    step = (step + 8) % 256
    time.sleep(0.05)
