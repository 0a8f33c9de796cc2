// The CircuitPython side, on the simulated CircuitPython board: choose it, blink its LED with
// board/digitalio, save as code.py (CircuitPython's name, not main.py), and see it run after a
// reset. Needs the board link and the simulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppSession } from './harness';
import { replText, setEditorText, waitForConnected, waitForRepl } from './helpers';

describe('a CircuitPython board (simulated)', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await startApp();
    await waitForConnected(app.page);
  });
  afterAll(async () => {
    await app?.stop();
  });

  const panel = () => app.page.getByRole('region', { name: 'Board', exact: true });

  it('is chosen in the board picker and says CircuitPython', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Choose a board' });
    await dialog.getByLabel(/CircuitPython/).first().check();
    await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.waitForFunction(() => document.body.dataset.connection === 'connected' && /CircuitPython/.test(document.querySelector('.status-bar')?.textContent ?? ''), undefined, { timeout: 30_000 });
    await waitForRepl(page, /Connecting to Adafruit Feather RP2040 \(simulated\)…/);
    await waitForRepl(page, /Adafruit CircuitPython/);
  });

  it('lights the LED with board and digitalio while the program runs', async () => {
    const { page } = app;
    // (CircuitPython resets its pins when a program ends, as after code.py: the program keeps running)
    await setEditorText(page, 'import board, digitalio, time\nled = digitalio.DigitalInOut(board.LED)\nled.direction = digitalio.Direction.OUTPUT\nled.value = True\nprint("on")\nwhile True:\n    time.sleep(0.1)\n');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForRepl(page, /^on$/m);
    await panel().getByRole('img', { name: /LED: on$/ }).first().waitFor({ timeout: 10_000 });
    await app.screenshot('circuitpython-led');
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await page.waitForFunction(() => document.body.dataset.running === 'false', undefined, { timeout: 10_000 });
    await panel().getByRole('img', { name: /LED: off$/ }).first().waitFor({ timeout: 10_000 });
  });

  it('saves as code.py, which runs after a reset', async () => {
    const { page } = app;
    await setEditorText(page, 'print("code.py says hi")\n');
    await page.keyboard.press('Control+s');
    const dialog = page.getByRole('dialog', { name: /^Save / });
    await expect(dialog.getByLabel('File name').inputValue()).resolves.toBe('code.py');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('listbox', { name: 'Board files' }).getByRole('option', { name: /code\.py/ }).waitFor({ timeout: 15_000 });
    const before = (await replText(page)).split('code.py says hi').length;
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.waitForFunction((n) => (document.querySelector('.region-repl .xterm-rows') as HTMLElement).innerText.split('code.py says hi').length > n, before, { timeout: 15_000 });
    await app.screenshot('circuitpython-code-py');
    expect(app.consoleErrors).toEqual([]);
  });
});
