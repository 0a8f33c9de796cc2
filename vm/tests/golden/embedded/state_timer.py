import time
start = time.ticks_ms()
events = []
for step in range(3):
    time.sleep_ms(2)
    events.append(step)
elapsed = time.ticks_diff(time.ticks_ms(), start)
print(events, elapsed >= 6, elapsed < 1000)
deadline = time.ticks_add(time.ticks_ms(), 5)
n = 0
while time.ticks_diff(deadline, time.ticks_ms()) > 0:
    n += 1
print(n > 0)
