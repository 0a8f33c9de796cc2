# golden: manual (the WebAssembly build's asyncio is a JavaScript variant; expected output is a board's, from extmod/asyncio)
# current_task() outside a task raises, a task can't cancel itself, sleep_ms beyond half a
# ticks period overflows, the loop keeps an exception handler, no network on this board
import asyncio
try:
    asyncio.current_task()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    asyncio.sleep_ms(1 << 29)
except OverflowError as e:
    print("OverflowError", e)
async def selfish():
    try:
        asyncio.current_task().cancel()
    except RuntimeError as e:
        print("RuntimeError", e)
    return "done"
async def main():
    t = asyncio.create_task(selfish())
    print(await t, asyncio.current_task() is not t)
    loop = asyncio.get_event_loop()
    print(loop.get_exception_handler())
    handler = lambda loop, ctx: None
    loop.set_exception_handler(handler)
    print(loop.get_exception_handler() is handler, asyncio.Loop is loop)
    try:
        await asyncio.open_connection("example.com", 80)
    except ImportError as e:
        print("ImportError", e)
    flag = asyncio.ThreadSafeFlag()
    async def waiter():
        await flag.wait()
        print("flag seen")
    w = asyncio.create_task(waiter())
    await asyncio.sleep_ms(5)
    flag.set()
    await w
asyncio.run(main())
