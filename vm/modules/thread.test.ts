// _thread as the RP2040 tutorials use it: a second "core" blinking while the first prints,
// a shared counter behind a lock, and the errors a board gives.
import { describe, expect, it } from 'vitest';
import { runProgram, TestHost } from '../tests/support';

describe('_thread', () => {
  it('runs core 1 while core 0 sleeps, at their own rates', () => {
    const out = runProgram(`
import _thread, time
log = []
def core1_task(n):
    for i in range(n):
        log.append(('c1', i, time.ticks_ms() // 100))
        time.sleep(0.3)
_thread.start_new_thread(core1_task, (4,))
for i in range(3):
    log.append(('c0', i, time.ticks_ms() // 100))
    time.sleep(0.5)
print(log)
`);
    expect(out).toBe("[('c0', 0, 0), ('c1', 0, 0), ('c1', 1, 3), ('c0', 1, 5), ('c1', 2, 6), ('c1', 3, 9), ('c0', 2, 10)]\n");
  });

  it('shares a counter under a lock; the main program waits for the lock core 1 holds', () => {
    const out = runProgram(`
import _thread, time
lock = _thread.allocate_lock()
count = 0
def worker():
    global count
    for i in range(1000):
        lock.acquire()
        count += 1
        lock.release()
    lock.acquire()
    time.sleep(0.2)
    count += 1000
    lock.release()
_thread.start_new_thread(worker, ())
time.sleep(0.05)
with lock:
    print("main got the lock", count)
print(lock.locked(), _thread.get_ident() == _thread.get_ident())
`);
    expect(out).toBe('main got the lock 2000\nFalse True\n');
  });

  it('a busy main loop still lets core 1 run (time slices)', () => {
    const out = runProgram(`
import _thread, time
flag = []
def blinker():
    while True:
        flag.append(1)
        time.sleep(0.01)
_thread.start_new_thread(blinker, ())
t0 = time.ticks_ms()
while time.ticks_diff(time.ticks_ms(), t0) < 200:
    pass
print(len(flag) > 3)
`);
    expect(out).toBe('True\n');
  });

  it('one extra thread only (core1 in use); an exception in it is printed and the program goes on', () => {
    const out = runProgram(`
import _thread, time
def boom():
    time.sleep(0.1)
    raise ValueError("core 1 failed")
def idle():
    pass
_thread.start_new_thread(boom, ())
try:
    _thread.start_new_thread(idle, ())
except OSError as e:
    print(e)
time.sleep(0.3)
_thread.start_new_thread(idle, ())
time.sleep(0.1)
print("main still running")
`);
    expect(out).toMatch(/^core1 in use\nUnhandled exception in thread started by <function boom at 0x[0-9a-f]+>\nTraceback \(most recent call last\):\n {2}File "<stdin>", line 5, in boom\nValueError: core 1 failed\nmain still running\n$/);
  });

  it('Ctrl-C stops both cores', () => {
    const host = new TestHost();
    host.interruptAt = 200;
    const out = runProgram(`
import _thread, time
def spin():
    while True:
        time.sleep(0.01)
_thread.start_new_thread(spin, ())
while True:
    time.sleep(0.01)
`, { host });
    expect(out).toContain('KeyboardInterrupt');
  });

  it('a function passed some other way gets a clear error', () => {
    const out = runProgram(`
import _thread
f = lambda: None
try:
    _thread.start_new_thread(f, ())
except TypeError as e:
    print(e)
`);
    expect(out).toBe('start_new_thread needs a function defined with def and passed by name, like start_new_thread(core1_task, ())\n');
  });
});
