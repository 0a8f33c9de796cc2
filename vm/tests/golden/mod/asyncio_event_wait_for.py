# golden: manual (the WebAssembly build has no asyncio.run; boards do, output as on a Pico)
import asyncio
async def setter(ev):
    await asyncio.sleep_ms(20)
    ev.set()
async def slow():
    await asyncio.sleep(10)
async def main():
    ev = asyncio.Event()
    asyncio.create_task(setter(ev))
    await ev.wait()
    print("event set", ev.is_set())
    try:
        await asyncio.wait_for(slow(), 0.05)
    except asyncio.TimeoutError:
        print("timeout")
asyncio.run(main())
