# _thread two LEDs: core 1 blinks an LED on GP15 every 0.25 s while core 0 blinks the on-board
# LED every second and counts core 1's blinks (a lock guards the shared counter).
from machine import Pin
import _thread
import time

fast = Pin(15, Pin.OUT)
slow = Pin("LED", Pin.OUT)
lock = _thread.allocate_lock()
blinks = 0


def core1_task():
    global blinks
    while True:
        fast.toggle()
        lock.acquire()
        blinks += 1
        lock.release()
        time.sleep(0.25)


_thread.start_new_thread(core1_task, ())
while True:
    slow.toggle()
    with lock:
        print("core 0: LED", slow.value(), "core 1 blinks:", blinks)
    time.sleep(1)
