// A print flood in the window, as a student makes one: Run `while True: print(n)` on the
// simulated board, watch the REPL for a few seconds, press Stop. The page stays responsive
// (Stop answers, the REPL says how many lines were not shown), and the next Run prints.
// Times and memory are printed for the record, not asserted (the machine is shared).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppSession } from './harness';
import { setEditorText, waitForConnected, waitForRepl } from './helpers';

function rssMiB(pid: number | undefined): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

describe('a print flood on the simulated board', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await startApp();
    await waitForConnected(app.page);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('Stop answers during the flood, the user is told what was not shown, and the next Run works', async () => {
    const { page } = app;
    // the page's own event loop: idle first (the machine's own noise), then during the flood
    const lagProbe = () =>
      page.evaluate(() => {
        const w = window as unknown as { floodLag: number; floodProbe?: ReturnType<typeof setInterval> };
        clearInterval(w.floodProbe);
        w.floodLag = 0;
        let last = performance.now();
        w.floodProbe = setInterval(() => {
          const now = performance.now();
          w.floodLag = Math.max(w.floodLag, now - last - 20);
          last = now;
        }, 20);
      });
    const readLag = () => page.evaluate(() => (window as unknown as { floodLag: number }).floodLag);
    await lagProbe();
    await new Promise((r) => setTimeout(r, 3000));
    const idleLag = await readLag();
    await setEditorText(page, 'n = 0\nwhile True:\n    n += 1\n    print(n)\n');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForFunction(() => document.body.dataset.running === 'true');
    await lagProbe();
    const rssBefore = rssMiB(app.host.process.pid);
    await new Promise((r) => setTimeout(r, 5000));
    const rssDuring = rssMiB(app.host.process.pid);
    const heapDuring = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
    await waitForRepl(page, /output too fast: [\d,]+ lines not shown/);
    await app.screenshot('flood-running');

    const stopAt = Date.now();
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    const clickMs = Date.now() - stopAt;
    await page.waitForFunction(() => document.body.dataset.running === 'false', undefined, { timeout: 10_000, polling: 20 });
    const stoppedMs = Date.now() - stopAt;
    await waitForRepl(page, /KeyboardInterrupt/);
    const lag = await readLag();
    await app.screenshot('flood-stopped');

    await setEditorText(page, 'print("after the flood", 6 * 7)\n');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForRepl(page, /after the flood 42/);
    await page.waitForFunction(() => document.body.dataset.running === 'false');
    expect(app.consoleErrors).toEqual([]);
    console.log(
      `flood in Chromium: Stop click to not running ${stoppedMs} ms (the click itself ${clickMs} ms); page event loop max lag ${lag.toFixed(0)} ms (idle before: ${idleLag.toFixed(0)} ms); ` +
        `web host RSS ${rssBefore.toFixed(0)} -> ${rssDuring.toFixed(0)} MiB during the flood; page JS heap ${(heapDuring / 1048576).toFixed(0)} MiB`,
    );
  });
});
