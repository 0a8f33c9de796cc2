import { describe, expect, it } from 'vitest';
import { WriteBacklog } from './write-backlog';

/** A terminal that processes writes only when told to (a stalled window). */
function stalledTerminal() {
  const queue: Array<{ text: string; done: () => void }> = [];
  return {
    queue,
    target: { write: (text: string, done: () => void) => queue.push({ text, done }) },
    drain: () => {
      for (const w of queue.splice(0)) w.done();
    },
  };
}

describe('WriteBacklog', () => {
  it('passes text straight through while the terminal keeps up', () => {
    const t = stalledTerminal();
    const drops: number[] = [];
    const b = new WriteBacklog(t.target, (lines) => drops.push(lines), 100);
    expect(b.write('a\n')).toBe(true);
    t.drain();
    expect(b.write('b\n')).toBe(true);
    t.drain();
    expect(t.queue).toHaveLength(0);
    expect(drops).toEqual([]);
  });

  it('drops what comes while the terminal is too far behind, and reports it once it caught up', () => {
    const t = stalledTerminal();
    const drops: Array<[number, number]> = [];
    const b = new WriteBacklog(t.target, (lines, chars) => drops.push([lines, chars]), 100);
    let shown = 0;
    for (let i = 0; i < 1000; i++) if (b.write('0123456789\n')) shown++;
    expect(shown).toBe(9);
    expect(b.waiting).toBe(99);
    expect(drops).toEqual([]);
    t.drain();
    expect(drops).toEqual([[991, 991 * 11]]);
    expect(b.write('back\n')).toBe(true);
  });

  it('always takes one write, however long, into an idle terminal', () => {
    const t = stalledTerminal();
    const b = new WriteBacklog(t.target, () => undefined, 100);
    expect(b.write('x'.repeat(1000))).toBe(true);
    expect(b.write('y')).toBe(false);
  });
});
