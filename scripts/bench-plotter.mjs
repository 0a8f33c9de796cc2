// `node scripts/bench-plotter.mjs [--seconds N] [--rate LINES]`: the plotter under a fast
// print loop. Opens the built web host in Chromium and feeds the page's plotter 10,000 lines
// per second, 4 values each, for 10 s (the same text the REPL would pass it), while the page
// keeps drawing. Prints the median and 95th percentile of the plotter's script time per frame,
// frames dropped (animation frames more than 1.5 frame periods apart), and the JS heap's growth
// beside the ring buffers' own size. The reference is the same page idle for the same time.
// Target (issue 14): median <= 4 ms, p95 <= 8 ms, memory flat apart from the rings. No assertions.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startHost } from './start-web-host.mjs';

const arg = (name, fallback) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
const seconds = arg('--seconds', 10);
const rate = arg('--rate', 10_000);


/** Runs inside the page: feeds (or not) for `seconds` and measures frames and heap. */
async function measure(page, feed) {
  return page.evaluate(
    async ({ seconds, rate, feed }) => {
      const plotter = window.motePlotter;
      plotter.clear();
      const gaps = [];
      let last = 0;
      let running = true;
      const tick = (t) => {
        if (last) gaps.push(t - last);
        last = t;
        if (running) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      const heap0 = performance.memory?.usedJSHeapSize ?? 0;
      const times0 = plotter.drawStats.times.length;
      const frames0 = plotter.drawStats.frames;
      let n = 0;
      const start = performance.now();
      await new Promise((resolve) => {
        const timer = setInterval(() => {
          const elapsed = performance.now() - start;
          if (elapsed >= seconds * 1000) {
            clearInterval(timer);
            resolve();
            return;
          }
          if (!feed) return;
          // catch up to the target rate, in chunks like a serial stream's
          const due = Math.floor((elapsed / 1000) * rate);
          let text = '';
          for (; n < due; n++) text += `(${n}, ${Math.sin(n / 100).toFixed(4)}, ${Math.cos(n / 50).toFixed(4)}, ${n % 97})\r\n`;
          if (text) plotter.feed(text);
        }, 10);
      });
      running = false;
      await new Promise((r) => setTimeout(r, 100));
      const times = plotter.drawStats.times.slice(times0 - plotter.drawStats.times.length || undefined);
      const sorted = [...times].sort((a, b) => a - b);
      const period = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)] || 16.7;
      return {
        lines: n,
        draws: plotter.drawStats.frames - frames0,
        median: sorted[Math.floor(sorted.length / 2)] ?? 0,
        p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
        frames: gaps.length,
        dropped: gaps.filter((g) => g > period * 1.5).length,
        heapGrowth: (performance.memory?.usedJSHeapSize ?? 0) - heap0,
        rings: plotter.store.bytes,
        kept: plotter.sampleCount,
      };
    },
    { seconds, rate, feed },
  );
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'mote-bench-plot-'));
  const { url, child } = await startHost(dataDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.motePlotter !== undefined, undefined, { timeout: 30_000 });
    const idle = await measure(page, false);
    await page.evaluate(() => window.gc?.());
    const fed = await measure(page, true);
    const mb = (b) => (b / 1048576).toFixed(1);
    console.log(`plotter: fed ${fed.lines.toLocaleString('en')} lines (${rate.toLocaleString('en')}/s, 4 values) for ${seconds} s; kept ${fed.kept.toLocaleString('en')}`);
    console.log(`  frame script time: median ${fed.median.toFixed(2)} ms, p95 ${fed.p95.toFixed(2)} ms over ${fed.draws} draws (target <= 4 / <= 8 ms)`);
    console.log(`  frames: ${fed.frames} seen, ${fed.dropped} dropped (idle reference: ${idle.frames} seen, ${idle.dropped} dropped)`);
    console.log(`  JS heap growth ${mb(fed.heapGrowth)} MB, of which ring buffers ${mb(fed.rings)} MB (idle reference growth ${mb(idle.heapGrowth)} MB)`);
  } finally {
    await browser.close();
    child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
