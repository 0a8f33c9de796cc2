import { describe, expect, it } from 'vitest';
import { JournalScheduler, type Timers } from './journal-scheduler';

/** A manual clock: timers fire only when `advance` passes them. */
function fakeTimers() {
  let now = 0;
  let next = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const api: Timers & { advance(ms: number): void } = {
    now: () => now,
    set(fn, ms) {
      const id = next++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clear(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = end;
    },
  };
  return api;
}

describe('JournalScheduler', () => {
  it('writes a buffer once typing pauses', () => {
    const t = fakeTimers();
    const saved: Array<[string, number]> = [];
    const s = new JournalScheduler((id) => saved.push([id, t.now()]), t, 300, 900);
    s.changed('a');
    t.advance(100);
    s.changed('a');
    t.advance(299);
    expect(saved).toEqual([]);
    t.advance(1);
    expect(saved).toEqual([['a', 400]]);
  });

  it('never waits longer than the ceiling while typing continues', () => {
    const t = fakeTimers();
    const saved: number[] = [];
    const s = new JournalScheduler(() => saved.push(t.now()), t, 300, 900);
    for (let i = 0; i < 30; i++) {
      s.changed('a');
      t.advance(100);
    }
    expect(saved.length).toBeGreaterThanOrEqual(3);
    expect(saved[0]).toBeLessThanOrEqual(900);
    for (let i = 1; i < saved.length; i++) expect(saved[i]! - saved[i - 1]!).toBeLessThanOrEqual(1000);
  });

  it('keeps buffers independent, flushes all, and cancels', () => {
    const t = fakeTimers();
    const saved: string[] = [];
    const s = new JournalScheduler((id) => saved.push(id), t);
    s.changed('a');
    s.changed('b');
    s.cancel('a');
    expect(s.isPending('a')).toBe(false);
    s.flushAll();
    expect(saved).toEqual(['b']);
    t.advance(5000);
    expect(saved).toEqual(['b']);
  });
});
