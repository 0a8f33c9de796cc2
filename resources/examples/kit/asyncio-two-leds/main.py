# asyncio two LEDs: the on-board LED and an LED on GP15 blink at different rates, each in its
# own task.
from machine import Pin
import asyncio


async def blink(pin, period_ms, name):
    led = Pin(pin, Pin.OUT)
    while True:
        led.toggle()
        print(name, led.value())
        await asyncio.sleep_ms(period_ms)


async def main():
    asyncio.create_task(blink("LED", 500, "onboard"))
    asyncio.create_task(blink(15, 300, "GP15"))
    while True:
        await asyncio.sleep(10)


asyncio.run(main())
