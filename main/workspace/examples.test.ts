// The Examples menu's catalogue, read from the shipped resources/examples/kit.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExampleCatalogue } from './examples';

const catalogue = new ExampleCatalogue(join(__dirname, '..', '..', 'resources', 'examples', 'kit'));

describe('ExampleCatalogue', () => {
  it('lists the examples by title, MicroPython first, with the CircuitPython versions', async () => {
    const list = await catalogue.list();
    expect(list.length).toBeGreaterThanOrEqual(19);
    expect(list[0]).toEqual({ id: 'blink', title: 'Blink', flavour: 'micropython', main: 'main.py' });
    expect(list.filter((e) => e.flavour === 'circuitpython').map((e) => e.main)).toEqual(Array(5).fill('code.py'));
  });

  it('reads an example with its wiring and lib/ drivers', async () => {
    const oled = await catalogue.read('oled-hello');
    expect(oled.text).toContain('SSD1306_I2C(128, 64, i2c)');
    expect(oled.wiring).toEqual({ version: 1, parts: [{ id: 'oled', type: 'ssd1306', address: 0x3c }] });
    expect(oled.lib.map((f) => f.path)).toEqual(['lib/ssd1306.py']);
  });

  it('says which example does not exist', async () => {
    await expect(catalogue.read('no-such-example')).rejects.toMatchObject({ code: 'not-found', message: 'There is no example called no-such-example.' });
    expect(await new ExampleCatalogue(undefined).list()).toEqual([]);
  });
});
