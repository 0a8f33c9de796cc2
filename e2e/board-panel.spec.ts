// The Board panel with the simulated board: a program lights the LED and the panel shows it;
// a button in the panel presses a pin the program waits on. Needs the board link and the
// simulator channels.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppSession } from './harness';
import { axeSerious, setEditorText, waitForRepl, waitForConnected } from './helpers';

describe('Board panel with the simulated board', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await startApp();
    await waitForConnected(app.page);
  });
  afterAll(async () => {
    await app?.stop();
  });

  const panel = () => app.page.getByRole('region', { name: 'Board', exact: true });

  it('shows the LED a program turns on and off', async () => {
    const { page } = app;
    await setEditorText(page, 'from machine import Pin\nled = Pin("LED", Pin.OUT)\nled.on()\nprint("lit")\n');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForRepl(page, /lit/);
    await panel().getByRole('img', { name: /^GP25 LED: on$/ }).waitFor({ timeout: 10_000 });
    await app.screenshot('board-panel-led-on');
    await setEditorText(page, 'from machine import Pin\nPin("LED", Pin.OUT).off()\n');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await panel().getByRole('img', { name: /^GP25 LED: off$/ }).waitFor({ timeout: 10_000 });
  });

  it('presses a button the program is waiting for', async () => {
    const { page } = app;
    await setEditorText(page, 'from machine import Pin\nimport time\nb = Pin(14, Pin.IN, Pin.PULL_UP)\nprint("waiting")\nwhile b.value() == 1:\n    time.sleep_ms(10)\nprint("pressed!")\n');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForRepl(page, /waiting/);
    const button = panel().getByRole('button', { name: /^Button on GP14$/ });
    await button.waitFor({ timeout: 10_000 });
    await button.focus();
    await page.keyboard.down('Space');
    await waitForRepl(page, /pressed!/);
    await page.keyboard.up('Space');
    await app.screenshot('board-panel-button');
    expect(await axeSerious(page)).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});
