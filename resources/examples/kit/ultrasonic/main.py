# Ultrasonic distance meter: an HC-SR04 with TRIG on GP3 and ECHO on GP2 (through a divider to
# 3.3 V on a real board). The echo lasts 58 µs per centimetre of distance.
from machine import Pin, time_pulse_us
import time

trig = Pin(3, Pin.OUT, value=0)
echo = Pin(2, Pin.IN)

while True:
    trig.value(1)
    time.sleep_us(10)
    trig.value(0)
    us = time_pulse_us(echo, 1, 30000)
    if us < 0:
        print("out of range")
    else:
        print("distance:", round(us * 0.0343 / 2, 1), "cm")
    time.sleep(0.2)
