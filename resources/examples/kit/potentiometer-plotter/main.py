# Potentiometer to plotter: the wiper of a 10 kΩ potentiometer on GP26 (ADC0); the Plotter
# draws the voltage.
from machine import ADC
import time

pot = ADC(26)
while True:
    volts = pot.read_u16() * 3.3 / 65535
    print((round(volts, 2),))
    time.sleep(0.1)
