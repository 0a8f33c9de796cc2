// The output governor on its own, with a hand-driven clock: what a print flood leaves of itself
// on the way to the window, and that ordinary output passes untouched.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OutputGovernor, type OutputChannel, type OutputLimits } from './output-governor';

const LIMITS: OutputLimits = { linesPerSecond: 100, bytesPerSecond: 10_000, burstLines: 100, burstBytes: 10_000, flushMs: 50, noticeMs: 1000 };

let governor: OutputGovernor | null = null;
afterEach(() => governor?.dispose());

function setup(limits = LIMITS) {
  let t = 0;
  const delivered: Array<{ channel: OutputChannel; text: string; runId: string | null }> = [];
  const drops: Array<{ lines: number; bytes: number; runId: string | null }> = [];
  governor = new OutputGovernor(
    {
      deliver: (channel, data, runId) => delivered.push({ channel, text: data.toString('utf8'), runId }),
      dropped: (lines, bytes, runId) => drops.push({ lines, bytes, runId }),
    },
    limits,
    () => t,
  );
  return { g: governor, delivered, drops, advance: (ms: number) => (t += ms), shown: () => delivered.map((d) => d.text).join('') };
}

const lines = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `${from + i}\r\n`).join('');

describe('OutputGovernor', () => {
  it('passes ordinary output through whole and in order, across channels', () => {
    const { g, delivered } = setup();
    g.push('terminal', Buffer.from('>>> '));
    g.push('stdout', Buffer.from('hello\r\n'), 'r1');
    g.push('stdout', Buffer.from('world\r\n'), 'r1');
    g.push('stderr', Buffer.from('Traceback\r\n'), 'r1');
    g.push('terminal', Buffer.from('>>> '));
    g.flush();
    expect(delivered).toEqual([
      { channel: 'terminal', text: '>>> ', runId: null },
      { channel: 'stdout', text: 'hello\r\nworld\r\n', runId: 'r1' },
      { channel: 'stderr', text: 'Traceback\r\n', runId: 'r1' },
      { channel: 'terminal', text: '>>> ', runId: null },
    ]);
  });

  it('coalesces a stream of small chunks into one delivery per flush', async () => {
    const { g, delivered } = setup();
    for (let i = 0; i < 50; i++) g.push('stdout', Buffer.from(`${i}\r\n`), 'r1');
    await new Promise((r) => setTimeout(r, 10));
    expect(delivered).toHaveLength(1);
    expect(delivered[0].text).toBe(lines(0, 50));
    expect(g.totals).toMatchObject({ shownLines: 50, droppedLines: 0 });
  });

  it('drops a flood beyond the budget in whole lines and says how many', () => {
    const { g, drops, shown } = setup();
    g.push('stdout', Buffer.from(lines(0, 1000)), 'r1');
    g.flush();
    expect(shown()).toBe(lines(0, 100));
    expect(drops).toEqual([{ lines: 900, bytes: Buffer.byteLength(lines(100, 1000)), runId: 'r1' }]);
    expect(g.totals).toMatchObject({ shownLines: 100, droppedLines: 900 });
  });

  it('shows the sustained rate as time passes and keeps each shown line whole', () => {
    const { g, advance, shown } = setup();
    let n = 0;
    // 10 s of a loop printing 10,000 lines a second, in chunks of 100 lines every 10 ms
    for (let step = 0; step < 1000; step++) {
      g.push('stdout', Buffer.from(lines(n, n + 100)), 'r1');
      n += 100;
      advance(10);
    }
    g.flush();
    const text = shown();
    expect(text.endsWith('\r\n')).toBe(true);
    for (const line of text.split('\r\n').slice(0, -1)) expect(line).toMatch(/^\d+$/);
    // the burst, then 100 lines a second for 10 s
    expect(g.totals.shownLines).toBeGreaterThanOrEqual(1000);
    expect(g.totals.shownLines).toBeLessThanOrEqual(1100);
    expect(g.totals.shownLines + g.totals.droppedLines).toBe(100_000);
  });

  it('reports drops at most once per notice period while a flood lasts, and once at the end', () => {
    vi.useFakeTimers();
    try {
      const { g, drops, advance } = setup({ ...LIMITS, noticeMs: 40, flushMs: 5 });
      // 200 ms of a flood, a chunk every 5 ms (timers and the governor's clock move together)
      for (let step = 0; step < 40; step++) {
        g.push('stdout', Buffer.from(lines(0, 500)), 'r1');
        advance(5);
        vi.advanceTimersByTime(5);
      }
      g.flush();
      expect(drops.length).toBeGreaterThanOrEqual(5);
      expect(drops.length).toBeLessThanOrEqual(6);
      expect(drops.reduce((sum, d) => sum + d.lines, 0)).toBe(g.totals.droppedLines);
      expect(g.totals.shownLines + g.totals.droppedLines).toBe(40 * 500);
    } finally {
      vi.useRealTimers();
    }
  });

  it('bounds a flood without line ends by bytes, and cuts on a character boundary', () => {
    const { g, drops, shown } = setup({ ...LIMITS, burstBytes: 1001, bytesPerSecond: 0 });
    g.push('stdout', Buffer.from('é'.repeat(2000)), 'r1'); // 2 bytes each: 1001 falls inside one
    g.flush();
    expect(shown()).toBe('é'.repeat(500));
    expect(drops).toEqual([{ lines: 0, bytes: 3000, runId: 'r1' }]);
  });

  it('after a drop, resumes at the start of a line rather than inside one', () => {
    const { g, advance, shown } = setup({ ...LIMITS, burstLines: 2, linesPerSecond: 1000 });
    g.push('stdout', Buffer.from('a\r\nb\r\nccc'), 'r1');
    advance(1000);
    g.push('stdout', Buffer.from('ccc\r\nd\r\n'), 'r1');
    g.flush();
    expect(shown()).toBe('a\r\nb\r\nd\r\n');
  });

  it('never drops a traceback', () => {
    const { g, drops, shown } = setup();
    g.push('stdout', Buffer.from(lines(0, 5000)), 'r1');
    const traceback = 'Traceback (most recent call last):\r\n' + '  File "<stdin>", line 3\r\n'.repeat(200) + 'KeyboardInterrupt: \r\n';
    g.push('stderr', Buffer.from(traceback), 'r1');
    g.flush();
    expect(shown().endsWith(traceback)).toBe(true);
    expect(drops[0].lines).toBe(4900);
  });

  it('refills after a quiet spell: a later run is shown whole', () => {
    const { g, advance, drops, delivered } = setup();
    g.push('stdout', Buffer.from(lines(0, 1000)), 'r1');
    g.flush();
    advance(2000);
    g.push('stdout', Buffer.from('after\r\n'), 'r2');
    g.flush();
    expect(delivered[delivered.length - 1]).toEqual({ channel: 'stdout', text: 'after\r\n', runId: 'r2' });
    expect(drops).toHaveLength(1);
  });
});
