// Shared steps for the renderer specs: typing into the editor, reading the REPL, switching
// themes and running axe-core. Kept apart from harness.ts (the lead's).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ROOT } from './harness';

/** Waits until the status bar reports a connected board (the simulated one when nothing is plugged in). */
export async function waitForConnected(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.connection === 'connected', undefined, { timeout: 30_000 });
}

/** Replaces the active editor buffer with `text`, typed through the keyboard path CodeMirror sees. */
export async function setEditorText(page: Page, text: string): Promise<void> {
  const content = page.locator('.region-editor .cm-content');
  await content.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  // insertText avoids auto-indent and bracket closing so the buffer is exactly `text`.
  await page.keyboard.insertText(text);
}

export async function editorText(page: Page): Promise<string> {
  return page.locator('.region-editor .cm-content').evaluate((el) => [...el.querySelectorAll('.cm-line')].map((l) => l.textContent).join('\n'));
}

/** The REPL terminal's visible text. */
export async function replText(page: Page): Promise<string> {
  return page.locator('.region-repl .xterm-rows').innerText();
}

export async function waitForRepl(page: Page, pattern: RegExp, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    ([source, flags]) => new RegExp(source, flags).test((document.querySelector('.region-repl .xterm-rows') as HTMLElement | null)?.innerText ?? ''),
    [pattern.source, pattern.flags] as const,
    { timeout },
  );
}

export async function setTheme(page: Page, theme: 'light' | 'dark' | 'high-contrast'): Promise<void> {
  await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
  await page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** Runs axe-core on the page; returns serious and critical violations. */
export async function axeSerious(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  // The page's CSP forbids inline scripts (as it should); evaluate runs through DevTools instead.
  if (!loaded) await page.evaluate(readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Dismisses every notice on screen, as a person closes the one covering the button they want. */
export async function dismissNotices(page: Page): Promise<void> {
  for (const close of await page.getByRole('button', { name: 'Dismiss message' }).all()) await close.click().catch(() => undefined);
}

/**
 * Clicks `target` once no notice covers it: a notice can arrive a moment after the thing it is
 * about (a board's drive appears, then the notice), so close notices and retry until the click lands.
 */
export async function clickPastNotices(page: Page, target: Locator, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    await dismissNotices(page);
    try {
      await target.click({ timeout: 1000 });
      return;
    } catch (error) {
      if (Date.now() > end) throw error;
    }
  }
}
