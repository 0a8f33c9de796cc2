# NeoPixel rainbow (CircuitPython): the board's NeoPixel through the colour wheel.
import board
import neopixel
import rainbowio
import time

pixel = neopixel.NeoPixel(board.NEOPIXEL, 1, brightness=0.3, auto_write=False)
step = 0
while True:
    pixel[0] = rainbowio.colorwheel(step)
    pixel.show()
    step = (step + 4) % 256
    time.sleep(0.05)
