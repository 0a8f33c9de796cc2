# golden: manual (the WebAssembly build has no asyncio.run; boards do: async for/with, wait_for, cancel)
import asyncio
class Counter:
    def __init__(self, n): self.i = 0; self.n = n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await asyncio.sleep_ms(1)
        return self.i
async def main():
    lock = asyncio.Lock()
    async with lock:
        print("locked", lock.locked())
    print("unlocked", lock.locked())
    async for v in Counter(3):
        print("got", v)
    r = [x async for x in Counter(2)]
    print(r)
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.01)
    except asyncio.TimeoutError:
        print("timed out")
    t = asyncio.create_task(asyncio.sleep_ms(5))
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled")
    return "done"
print(asyncio.run(main()))
