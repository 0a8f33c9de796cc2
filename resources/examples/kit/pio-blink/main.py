# PIO blink: a PIO state machine, not the CPU, blinks the on-board LED. At 2000 Hz each
# instruction with [31] takes 32 cycles, so the LED is on 80 ms and off 80 ms.
import time
from machine import Pin
import rp2


@rp2.asm_pio(set_init=rp2.PIO.OUT_LOW)
def blink():
    wrap_target()
    set(pins, 1)   [31]
    nop()          [31]
    nop()          [31]
    nop()          [31]
    nop()          [31]
    set(pins, 0)   [31]
    nop()          [31]
    nop()          [31]
    nop()          [31]
    nop()          [31]
    wrap()


sm = rp2.StateMachine(0, blink, freq=2000, set_base=Pin(25))
sm.active(1)
print("blinking from PIO")
time.sleep(3)
sm.active(0)
print("stopped")
