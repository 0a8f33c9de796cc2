// The Examples menu's catalogue, read from the shipped resources/examples/kit.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

  it("puts a class's own examples first, skips a broken folder, and keeps the kit's ids unique", async () => {
    const classDir = mkdtempSync(join(tmpdir(), 'mote-class-examples-'));
    try {
      writeFileSync(join(classDir, 'index.json'), JSON.stringify({ examples: [{ id: 'lesson-1', title: 'Lesson 1: lights', flavour: 'micropython', main: 'main.py' }, { id: 'blink', title: 'Our blink', flavour: 'micropython', main: 'main.py' }] }));
      for (const id of ['lesson-1', 'blink']) {
        mkdirSync(join(classDir, id));
        writeFileSync(join(classDir, id, 'main.py'), `print("${id}")\n`);
      }
      const warnings: string[] = [];
      const both = new ExampleCatalogue([classDir, join(tmpdir(), 'no-such-folder'), join(__dirname, '..', '..', 'resources', 'examples', 'kit')], (m) => void warnings.push(m));
      const list = await both.list();
      expect(list.slice(0, 2).map((e) => e.title)).toEqual(['Lesson 1: lights', 'Our blink']);
      expect(list.filter((e) => e.id === 'blink')).toHaveLength(1);
      const lesson = await both.read('lesson-1');
      expect(lesson.text).toBe('print("lesson-1")\n');
      expect(lesson.wiring.parts).toEqual([]);
      expect(warnings.join()).toMatch(/no-such-folder/);
    } finally {
      rmSync(classDir, { recursive: true, force: true });
    }
  });
});
