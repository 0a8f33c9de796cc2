# ticks_add refuses a delta of half a period or more, and one beyond a machine word
import time
for d in (1 << 29, -(1 << 29), (1 << 29) - 1, -(1 << 29) + 1, 1 << 31, 1 << 40, -(1 << 33)):
    try:
        print(time.ticks_add(5, d))
    except OverflowError as ex:
        print('OverflowError', ex)
print(time.ticks_add(0, -1), time.ticks_add((1 << 30) - 1, 1))
print(time.ticks_diff(time.ticks_add(100, -200), 100))
