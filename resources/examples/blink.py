# Blink the on-board LED (Raspberry Pi Pico; on the simulated board, watch the Board panel).
# Press Stop (Esc) to end it.
from machine import Pin
import time

led = Pin("LED", Pin.OUT)
while True:
    led.toggle()
    time.sleep(0.5)
