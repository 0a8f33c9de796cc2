# golden: manual (the WebAssembly build has no asyncio.run; boards do, output as on a Pico)
import asyncio
async def worker(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep_ms(10)
    return name
async def main():
    t1 = asyncio.create_task(worker("A", 2))
    t2 = asyncio.create_task(worker("B", 2))
    r = await asyncio.gather(t1, t2)
    print(r)
asyncio.run(main())
