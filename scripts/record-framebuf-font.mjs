// Records the 8x8 glyphs framebuf.text() draws, from the real MicroPython (WebAssembly build),
// into vm/modules/framebuf-font.ts, so text on the simulated OLED has the pixels a board shows.
// Each glyph is 8 column bytes, least significant bit at the top (MONO_VLSB), for chr 32..127.
// Usage: node scripts/record-framebuf-font.mjs
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { loadMicroPython } = await import('@micropython/micropython-webassembly-pyscript/micropython.mjs');
let out = '';
const dec = new TextDecoder();
const mp = await loadMicroPython({ stdout: (s) => { out += typeof s === 'string' ? s : dec.decode(s, { stream: true }); }, stderr: () => {}, linebuffer: false });
mp.runPython(`
import framebuf
for c in range(32, 128):
    b = bytearray(8)
    framebuf.FrameBuffer(b, 8, 8, framebuf.MONO_VLSB).text(chr(c), 0, 0, 1)
    print(' '.join('%d' % v for v in b))
`);
const rows = out.trim().split('\n').map((l) => l.trim().split(' ').map((v) => '0x' + Number(v).toString(16).padStart(2, '0')).join(', '));
if (rows.length !== 96) throw new Error(`expected 96 glyphs, got ${rows.length}`);
const text = `// The 8x8 glyphs framebuf.text() draws for chr(32)..chr(127), as recorded from MicroPython's
// framebuf by scripts/record-framebuf-font.mjs (do not edit by hand). Each glyph is 8 column
// bytes, bit 0 at the top; anything outside 32..127 is drawn as glyph 127.
// The glyph data is MicroPython's font_petme128_8x8 (MIT licence, Copyright (c) 2013-2014
// Damien P. George), kept so that text on the simulated OLED is pixel-identical to a real board.

export const FONT_8X8 = Uint8Array.from([
${rows.map((r, i) => `  ${r}, // ${JSON.stringify(String.fromCharCode(32 + i))}`).join('\n')}
]);
`;
writeFileSync(join(root, 'vm/modules/framebuf-font.ts'), text);
console.log('wrote vm/modules/framebuf-font.ts');
