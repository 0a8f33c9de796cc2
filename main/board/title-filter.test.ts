import { describe, expect, it } from 'vitest';
import { TitleFilter, versionFromTitle } from './title-filter';

const b = (s: string) => Buffer.from(s, 'utf8');
const text = (u: Uint8Array) => Buffer.from(u).toString('utf8');

describe('TitleFilter', () => {
  it('strips a CircuitPython title and keeps it', () => {
    const f = new TitleFilter();
    expect(text(f.push(b('a\x1b]0;🐍Wi-Fi: off | code.py | 9.2.1\x1b\\>>> ')))).toBe('a>>> ');
    expect(f.lastTitle).toBe('🐍Wi-Fi: off | code.py | 9.2.1');
    expect(versionFromTitle(f.lastTitle!)).toBe('9.2.1');
  });

  it('handles a title split across reads, byte by byte', () => {
    const f = new TitleFilter();
    const all = b('x\x1b]0;🐍REPL | 9.0.0\x1b\\raw REPL; CTRL-B to exit\r\n>');
    let out = '';
    for (const byte of all) out += Buffer.from(f.push(Uint8Array.of(byte))).toString('latin1');
    expect(Buffer.from(out, 'latin1').toString('utf8')).toBe('xraw REPL; CTRL-B to exit\r\n>');
    expect(f.lastTitle).toBe('🐍REPL | 9.0.0');
  });

  it('passes other escapes and a title clear', () => {
    const f = new TitleFilter();
    expect(text(f.push(b('\x1b[2K\x1b[0Gcode.py output:\x1b]0;\x1b\\')))).toBe('\x1b[2K\x1b[0Gcode.py output:');
    expect(f.lastTitle).toBe('');
  });

  it('gives back a false start instead of swallowing the prompt', () => {
    const f = new TitleFilter();
    expect(text(f.push(b('\x1b]0;\x80junk\r\n>>> ')))).toBe('\x1b]0;\x80junk\r\n>>> ');
  });
});
