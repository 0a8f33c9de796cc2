# Buzzer melody: a passive piezo buzzer on GP18 plays a scale, note by note (PWM frequency).
from machine import Pin, PWM
import time

NOTES = [("C4", 262), ("D4", 294), ("E4", 330), ("F4", 349), ("G4", 392), ("A4", 440), ("B4", 494), ("C5", 523)]
buzzer = PWM(Pin(18))
for name, freq in NOTES:
    buzzer.freq(freq)
    buzzer.duty_u16(32768)
    print("note:", name, freq)
    time.sleep(0.3)
    buzzer.duty_u16(0)
    time.sleep(0.05)
buzzer.deinit()
print("done")
