# Button with IRQ: a push button from GP14 to ground; every press toggles the LED and is counted
# by an interrupt handler, while the main loop only reports.
from machine import Pin
import time

led = Pin("LED", Pin.OUT)
button = Pin(14, Pin.IN, Pin.PULL_UP)
presses = 0


def pressed(pin):
    global presses
    presses += 1
    led.toggle()


button.irq(trigger=Pin.IRQ_FALLING, handler=pressed)
seen = 0
while True:
    if presses != seen:
        seen = presses
        print("presses:", presses)
    time.sleep(0.05)
