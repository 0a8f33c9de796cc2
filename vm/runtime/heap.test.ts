// The modelled board heap (heap.ts, heap-walk.ts): where a program runs out of memory on a
// 233,024-byte heap (a Pico's), for each kind of data, against what MicroPython's allocator
// gives on a 32-bit port (figures worked out from its growth rules, noted per case; the test
// allows the issue's ±25%). Also: garbage comes back, gc.mem_free()/mem_alloc() agree with it,
// and growth inside a function or a huge program still ends in MemoryError.
import { describe, it, expect } from 'vitest';
import { runProgram, TestHost } from '../tests/support';
import { makeBoardVm } from '../host/board-vm';
import { PROFILES } from '../board/profiles/profiles';

const PICO = 233_024;

/** Runs `setup`, then `step` until MemoryError, and returns what `measure` printed. */
function sizeAtMemoryError(setup: string, step: string, measure: string): number {
  const src = `${setup}\ntry:\n    while True:\n${step.replace(/^/gm, '        ')}\nexcept MemoryError:\n    n = ${measure}\n    print(n)\n`;
  const out = runProgram(src, { heapLimit: PICO });
  expect(out).toMatch(/^\d+\n$/);
  return Number(out);
}

function expectWithin25(got: number, micropython: number): void {
  expect(got).toBeGreaterThanOrEqual(micropython * 0.75);
  expect(got).toBeLessThanOrEqual(micropython * 1.25);
}

describe('MemoryError where a Pico has it', () => {
  it('a list of ints fails when its item array cannot double past 32,768 slots', () => {
    expectWithin25(sizeAtMemoryError('l = []', 'l.append(0)', 'len(l); l = None'), 32_768);
  });
  it('a list of 100-item lists fails after about 530 (416 bytes each)', () => {
    expectWithin25(sizeAtMemoryError('l = []', 'l.append([0] * 100)', 'len(l); l = None'), 530);
  });
  it('a growing str or bytes fails at half the heap (the copy is made while the old one lives)', () => {
    expectWithin25(sizeAtMemoryError("s = ''", "s += 'x' * 100", 'len(s); s = None'), 114_000);
    expectWithin25(sizeAtMemoryError("b = b''", 'b += bytes(100)', 'len(b); b = None'), 114_000);
  });
  it('a bytearray extended in place fails near the whole heap', () => {
    expectWithin25(sizeAtMemoryError('b = bytearray()', 'b.extend(bytes(100))', 'len(b); b = None'), 224_000);
  });
  it('a dict of ints fails when its slot table cannot grow past about 12,000 slots', () => {
    expectWithin25(sizeAtMemoryError('d = {}\ni = 0', 'd[i] = i\ni += 1', 'len(d); d = None'), 12_037);
  });
  it('objects: about 11,000 bare instances, 6,000 with two attributes', () => {
    expectWithin25(sizeAtMemoryError('class A:\n    pass\nl = []', 'l.append(A())', 'len(l); l = None'), 11_000);
    expectWithin25(sizeAtMemoryError('class P:\n    def __init__(self):\n        self.x = 1\n        self.y = 2\nl = []', 'l.append(P())', 'len(l); l = None'), 6_000);
  });
  it('one big allocation: [0] * 60,000 and a 230,000-character string do not fit, [0] * 50,000 does', () => {
    expect(runProgram('x = [0] * 50000\nprint(len(x))\n', { heapLimit: PICO })).toBe('50000\n');
    expect(runProgram('x = [0] * 60000\n', { heapLimit: PICO })).toMatch(/MemoryError/);
    expect(runProgram("x = 'a' * 230000\n", { heapLimit: PICO })).toMatch(/MemoryError/);
    expect(runProgram('x = list(range(200000))\n', { heapLimit: PICO })).toMatch(/MemoryError/);
  });
  it('growth inside a function (a local the collection cannot see) still fails at the same size', () => {
    const out = runProgram('def f():\n    l = []\n    try:\n        while True:\n            l.append(0)\n    except MemoryError:\n        return len(l)\nprint(f())\n', { heapLimit: PICO });
    expectWithin25(Number(out), 32_768);
  });
  it('a program bigger than the heap is a MemoryError before it runs', () => {
    const big = 'x = 1\n'.repeat(450_000); // 2.7 MB
    expect(runProgram(big + 'print("ran")\n', { heapLimit: PICO })).toMatch(/^Traceback[\s\S]*MemoryError/);
  });
});

describe('garbage comes back', () => {
  it('20,000 rounds of temporary lists, strings and dicts run on a 233 KB heap', () => {
    const src = "for i in range(20000):\n    x = [0] * 100\n    s = 'abc' * 50\n    d = {1: 2, 3: 4}\n    b = bytes(300)\nprint('done')\n";
    expect(runProgram(src, { heapLimit: PICO })).toBe('done\n');
  });
  it('gc.mem_alloc() grows with a live list and falls back after it is dropped and collected', () => {
    const src = 'import gc\ngc.collect()\nprint(gc.mem_free() + gc.mem_alloc())\na = gc.mem_alloc()\nx = [0] * 10000\nprint(gc.mem_alloc() - a)\n' +
      'x = None\ngc.collect()\nprint(gc.mem_alloc() - a)\nprint(gc.mem_free() > 220000)\n';
    expect(runProgram(src, { heapLimit: PICO })).toBe('233024\n40048\n0\nTrue\n');
  });
  it('a list that outgrows the heap can be freed and the program goes on', () => {
    const src = 'l = []\ntry:\n    while True:\n        l.append([0] * 50)\nexcept MemoryError:\n    l = None\nm = [1] * 20000\nprint(len(m))\n';
    expect(runProgram(src, { heapLimit: PICO })).toBe('20000\n');
  });
});

describe('each simulated board has its own heap', () => {
  it('the program that used to make the Pico worker run out of host memory ends in MemoryError', () => {
    const host = new TestHost();
    const vm = makeBoardVm(host, PROFILES.pico);
    vm.exec('l = []\ntry:\n    while True:\n        l.append([0] * 1000)\nexcept MemoryError:\n    print(len(l))\n');
    expectWithin25(Number(host.out), 55); // 4,016 bytes a list on a 233 KB heap
  });
  it('gc.mem_free() + gc.mem_alloc() is the profile heap, and a 200,000-item list does not fit on a Pico', () => {
    for (const [id, heap] of [['pico', 233_024], ['pico2', 480 * 1024], ['esp32', 110 * 1024]] as const) {
      const host = new TestHost();
      const vm = makeBoardVm(host, PROFILES[id]);
      vm.exec('import gc\ngc.collect()\nprint(gc.mem_free() + gc.mem_alloc(), gc.mem_free() > gc.mem_alloc())\ntry:\n    l = list(range(200000))\nexcept MemoryError:\n    print("MemoryError")\n');
      expect(host.out).toBe(`${heap} True\nMemoryError\n`);
    }
  });
});
