# Count button presses with an interrupt. Wire a button from GP14 to GND (on the simulated
# board, press GP14 in the Board panel). Press Stop (Esc) to end it.
from machine import Pin
import time

presses = 0

def pressed(pin):
    global presses
    presses += 1

button = Pin(14, Pin.IN, Pin.PULL_UP)
button.irq(trigger=Pin.IRQ_FALLING, handler=pressed)
while True:
    print("presses:", presses)
    time.sleep(1)
