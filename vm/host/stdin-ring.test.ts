// The stdin ring's Ctrl-C lookout: StdinReader.hasCtrlC remembers how far it has looked, so a
// program reading a long upload byte by byte does not rescan the whole ring before every byte.
// These check that the shortcut never misses or invents an interrupt.
import { describe, expect, it } from 'vitest';
import { createBoardSab, StdinReader, StdinWriter } from './protocol';

function ring() {
  const sab = createBoardSab();
  const writer = new StdinWriter(sab);
  const reader = new StdinReader(sab);
  reader.setInterruptChar(3);
  return { writer, reader };
}

describe('StdinReader.hasCtrlC', () => {
  it('finds a Ctrl-C that arrives after a scan found none', () => {
    const { writer, reader } = ring();
    writer.write(new Uint8Array(5000).fill(0x41));
    expect(reader.hasCtrlC()).toBe(false);
    for (let i = 0; i < 100; i++) reader.take();
    expect(reader.hasCtrlC()).toBe(false);
    writer.write(Uint8Array.of(0x42, 3));
    expect(reader.hasCtrlC()).toBe(true);
    expect(reader.hasCtrlC()).toBe(true); // still queued: still there
    reader.clearThroughLastCtrlC();
    expect(reader.hasCtrlC()).toBe(false);
  });

  it('forgets what it knew when the interrupt char changes', () => {
    const { writer, reader } = ring();
    reader.setInterruptChar(-1); // kbd_intr(-1): 0x03 is data
    writer.write(Uint8Array.of(1, 3, 2));
    expect(reader.hasCtrlC()).toBe(false);
    reader.setInterruptChar(3);
    expect(reader.hasCtrlC()).toBe(true);
    reader.setInterruptChar(2);
    expect(reader.hasCtrlC()).toBe(true);
    reader.setInterruptChar(9);
    expect(reader.hasCtrlC()).toBe(false);
  });

  it('keeps up when the reader consumes past where it had looked, across the ring wrapping', () => {
    const { writer, reader } = ring();
    for (let round = 0; round < 40; round++) {
      writer.write(new Uint8Array(3000).fill(round & 1 ? 0x61 : 0x62));
      expect(reader.hasCtrlC()).toBe(false);
      for (let i = 0; i < 3000; i++) reader.take();
    }
    writer.write(Uint8Array.of(3));
    expect(reader.hasCtrlC()).toBe(true);
  });
});

describe('StdinReader.hasCtrlC cost', () => {
  it('looks at each queued byte about once while a program reads them one by one', () => {
    const { writer, reader } = ring();
    // count the ring reads hasCtrlC and take make (work, not time: a quadratic rescan showed up
    // as a 40x slower upload that every other test missed)
    let reads = 0;
    const inner = (reader as unknown as { ring: Uint8Array }).ring;
    (reader as unknown as { ring: Uint8Array }).ring = new Proxy(inner, {
      get(target, key) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key) as unknown;
      },
    });
    const n = 8 * 1024;
    writer.write(new Uint8Array(n).fill(0x41));
    for (let i = 0; i < n; i++) {
      expect(reader.hasCtrlC()).toBe(false);
      reader.take();
    }
    expect(reads).toBeLessThanOrEqual(3 * n);
  });
});

