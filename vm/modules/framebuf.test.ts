// framebuf against the real firmware's: the same drawing program runs on MicroPython
// (WebAssembly) and on the VM, and every buffer byte must match, in every format.
import { describe, expect, it } from 'vitest';
import { runProgram } from '../tests/support';
import { WASM_MODULE } from '../host/testing/wasm-repl';

type LoadMicroPython = (o: { stdout: (s: string | Uint8Array) => void; stderr: () => void; linebuffer: boolean }) => Promise<{ runPython(src: string): void }>;

async function micropython(src: string): Promise<string> {
  const { loadMicroPython } = (await import(WASM_MODULE)) as { loadMicroPython: LoadMicroPython };
  let out = '';
  const dec = new TextDecoder();
  const mp = await loadMicroPython({ stdout: (s) => (out += typeof s === 'string' ? s : dec.decode(s)), stderr: () => undefined, linebuffer: false });
  try {
    mp.runPython(src);
  } catch (e) {
    out += `EXC ${String(e)}\n`;
  }
  return out;
}

// Every method, with shapes that reach the clipping edges, in a 37x21 buffer with stride 40
// (odd sizes find rounding mistakes in the packed formats).
const DRAW = `
import framebuf, array
FORMATS = [('MONO_VLSB', 1), ('MONO_HLSB', 1), ('MONO_HMSB', 1), ('RGB565', 0xF81F), ('GS2_HMSB', 3), ('GS4_HMSB', 11), ('GS8', 200)]
for name, c in FORMATS:
    fmt = getattr(framebuf, name)
    buf = bytearray(40 * 24 * 2)
    fb = framebuf.FrameBuffer(buf, 37, 21, fmt, 40)
    fb.fill(0)
    fb.pixel(3, 4, c)
    fb.pixel(-1, 4, c)
    fb.hline(-5, 2, 20, c)
    fb.vline(36, -3, 30, c)
    fb.rect(5, 5, 10, 8, c)
    fb.rect(30, 15, 12, 12, c, True)
    fb.line(0, 20, 36, 0, c)
    fb.line(10, 0, 12, 20, c)
    fb.line(40, 30, -3, 2, c)
    fb.ellipse(18, 10, 9, 5, c)
    fb.ellipse(25, 12, 6, 6, c, True, 0b0101)
    fb.poly(2, 2, array.array('h', [0, 0, 12, 3, 6, 15, 9, 8, -2, 12]), c, True)
    fb.poly(20, 1, array.array('b', [0, 0, 10, 0, 5, 8]), c)
    fb.text('Hi! \\xe9', 1, 13, c)
    fb.text('clip', 30, -3, c)
    sprite = framebuf.FrameBuffer(bytearray(8), 8, 8, framebuf.MONO_HLSB)
    sprite.fill_rect(1, 1, 5, 5, 1)
    fb.blit(sprite, -2, 16, 0)
    pal = framebuf.FrameBuffer(bytearray(4), 2, 1, framebuf.RGB565)
    pal.pixel(0, 0, 0)
    pal.pixel(1, 0, c)
    fb.blit(sprite, 20, 10, -1, pal)
    fb.scroll(3, -2)
    fb.scroll(-1, 1)
    print(name, fb.pixel(3, 4), fb.pixel(99, 0), bytes(buf).hex())
for args in [(0, 8, 0), (8, 8, 99), (8, 8, 0, 4), (8, 9, 0)]:
    try:
        framebuf.FrameBuffer(bytearray(8), *args)
        print('ok', args)
    except ValueError as e:
        print('ValueError', args, e)
`;

describe('framebuf', () => {
  it('draws every method in every format byte for byte as the firmware does', async () => {
    const want = await micropython(DRAW);
    expect(want.split('\n').filter(Boolean)).toHaveLength(11);
    expect(runProgram(DRAW)).toBe(want);
  });

  it('is subclassed the way display drivers do (ssd1306.py)', async () => {
    const src = `
import framebuf
class Display(framebuf.FrameBuffer):
    def __init__(self, w, h):
        self.buffer = bytearray(w * h // 8)
        super().__init__(self.buffer, w, h, framebuf.MONO_VLSB)
d = Display(16, 8)
d.text('A', 0, 0)
print(d.buffer[:8].hex(), isinstance(d, framebuf.FrameBuffer))
`;
    const out = runProgram(src);
    expect(out).toMatch(/^[0-9a-f]{16} True\n$/);
    expect(out).not.toContain('0000000000000000');
    expect(out).toBe(await micropython(src));
  });
});
