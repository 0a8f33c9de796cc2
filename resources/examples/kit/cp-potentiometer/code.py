# Potentiometer to plotter (CircuitPython): the wiper on A0.
import analogio
import board
import time

pot = analogio.AnalogIn(board.A0)
while True:
    print((round(pot.value * pot.reference_voltage / 65535, 2),))
    time.sleep(0.1)
