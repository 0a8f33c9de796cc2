# Blink (CircuitPython): the board's red LED.
import board
import digitalio
import time

led = digitalio.DigitalInOut(board.LED)
led.direction = digitalio.Direction.OUTPUT
while True:
    led.value = not led.value
    print("LED", "on" if led.value else "off")
    time.sleep(0.5)
