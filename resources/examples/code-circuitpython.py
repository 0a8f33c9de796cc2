# CircuitPython: blink the NeoPixel through red, green and blue (save it as code.py on the board).
import time
import board
import neopixel

pixel = neopixel.NeoPixel(board.NEOPIXEL, 1, brightness=0.3)
for colour in [(255, 0, 0), (0, 255, 0), (0, 0, 255)] * 3:
    pixel[0] = colour
    time.sleep(0.3)
pixel[0] = (0, 0, 0)
print("done")
