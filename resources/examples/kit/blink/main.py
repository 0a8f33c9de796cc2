# Blink: the on-board LED on for half a second, off for half a second.
from machine import Pin
import time

led = Pin("LED", Pin.OUT)
while True:
    led.toggle()
    print("LED", "on" if led.value() else "off")
    time.sleep(0.5)
