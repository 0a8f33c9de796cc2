// Random bytes at every REPL mode must never break the board: no exception escapes the state
// machine, and afterwards the board still answers in the raw REPL.

import { describe, expect, it } from 'vitest';
import { BoardHarness } from '../board/testing/board-harness';
import { pico } from '../board/profiles/pico';
import { circuitpythonRp2040 } from '../board/profiles/circuitpython-rp2040';
import { makeBoardVm } from '../host/board-vm';

function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

describe('REPL fuzz', () => {
  for (const profile of [pico, circuitpythonRp2040]) {
    it(`survives random input on ${profile.id}`, () => {
      const rand = rng(profile.id.length * 7919);
      const h = new BoardHarness(profile, makeBoardVm);
      h.powerOn();
      const alphabet = 'abcxyz019 ():.=+-*/\'"#[]{}\r\n\t\x01\x02\x03\x04\x05\x08\x7f\x1b[ABCDHF~';
      for (let round = 0; round < 300; round++) {
        let s = '';
        const n = 1 + Math.floor(rand() * 20);
        for (let i = 0; i < n; i++) s += rand() < 0.05 ? String.fromCharCode(Math.floor(rand() * 256)) : alphabet[Math.floor(rand() * alphabet.length)];
        // no while/for loops can appear (no 'w'/'f' in the alphabet), so every run ends
        const out = h.feed(s);
        expect(out).not.toContain('internal error');
      }
      h.feed('\x03\x03\x02\r\x03');
      const out = h.feed('\r\x01');
      expect(out.endsWith('raw REPL; CTRL-B to exit\r\n>')).toBe(true);
      expect(h.exec('print(1 + 2)')).toEqual(['3\r\n', '']);
    });
  }
});
