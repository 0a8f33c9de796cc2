# Button (CircuitPython): a push button from D5 to ground lights the LED while pressed and
# counts presses (CircuitPython has no pin interrupts: the loop watches the pin).
import board
import digitalio
import time

led = digitalio.DigitalInOut(board.LED)
led.direction = digitalio.Direction.OUTPUT
button = digitalio.DigitalInOut(board.D5)
button.switch_to_input(pull=digitalio.Pull.UP)
presses = 0
was_pressed = False
while True:
    pressed = not button.value
    led.value = pressed
    if pressed and not was_pressed:
        presses += 1
        print("presses:", presses)
    was_pressed = pressed
    time.sleep(0.01)
