# Temperature to plotter (CircuitPython): the microcontroller's own temperature sensor.
import microcontroller
import time

while True:
    print("temperature:", round(microcontroller.cpu.temperature, 1))
    time.sleep(1)
