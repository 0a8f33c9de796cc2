# Temperature to plotter: the RP2040's own temperature sensor (ADC channel 4), once a second.
from machine import ADC
import time

sensor = ADC(4)
while True:
    volts = sensor.read_u16() * 3.3 / 65535
    celsius = 27 - (volts - 0.706) / 0.001721
    print("temperature:", round(celsius, 1))
    time.sleep(1)
