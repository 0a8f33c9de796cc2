# Servo sweep: a hobby servo's signal on GP16, 50 Hz PWM; 0.5 ms is 0°, 2.5 ms is 180°.
from machine import Pin, PWM
import time

servo = PWM(Pin(16))
servo.freq(50)


def angle(deg):
    us = 500 + deg * 2000 // 180
    servo.duty_u16(us * 65535 // 20000)


while True:
    for deg in range(0, 181, 10):
        angle(deg)
        print("angle:", deg)
        time.sleep(0.05)
    for deg in range(180, -1, -10):
        angle(deg)
        print("angle:", deg)
        time.sleep(0.05)
