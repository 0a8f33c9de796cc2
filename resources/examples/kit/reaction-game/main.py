# Reaction game: the LED lights after a random wait; press the button on GP14 (to ground) as
# fast as you can. Pressing too early counts as a false start.
from machine import Pin
import random
import time

led = Pin("LED", Pin.OUT)
button = Pin(14, Pin.IN, Pin.PULL_UP)

while True:
    led.off()
    print("get ready...")
    time.sleep(random.randint(1000, 3000) / 1000)
    if button.value() == 0:
        print("false start!")
        time.sleep(1)
        continue
    led.on()
    start = time.ticks_ms()
    while button.value() == 1:
        pass
    print("reaction:", time.ticks_diff(time.ticks_ms(), start), "ms")
    while button.value() == 0:
        pass
    time.sleep(1)
