import time
t0 = time.ticks_ms()
time.sleep_ms(5)
d = time.ticks_diff(time.ticks_ms(), t0)
print(d >= 4, time.ticks_add(5, 10), time.ticks_diff(10, 5), time.time() > 0, time.ticks_diff(time.ticks_add(0, -1), 0))
