// The CircuitPython bundle read from generated release zips with Adafruit's layout: modules,
// versions, requirements-based and JSON dependencies, flavours, and damaged or misnamed zips.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBundleZips } from '../testing/bundle-builder';
import { buildZip } from '../testing/zip-builder';
import { BundleStore } from './bundle-store';
import { moduleOfRequirement } from './circuitpython-bundle';
import { readZip } from './zip-reader';

describe('zip reader', () => {
  it('reads the entries a zip writer wrote, and a zip Python wrote', () => {
    const zip = buildZip({ 'a/b.py': 'x = 1\n'.repeat(100), 'c.txt': 'hi' });
    const entries = readZip(zip);
    expect(entries.map((e) => [e.name, e.size])).toEqual([['a/b.py', 600], ['c.txt', 2]]);
    expect(entries[0].read().toString()).toBe('x = 1\n'.repeat(100));
    // Python's zipfile: stored and deflated entries, a folder entry
    const py = join(mkdtempSync(join(tmpdir(), 'mote-zip-')), 'p.zip');
    execFileSync('python3', ['-c', `import zipfile\nz=zipfile.ZipFile(${JSON.stringify(py)},'w')\nz.writestr('d/','')\nz.writestr(zipfile.ZipInfo('d/s.py'),'stored')\nz.writestr('d/f.py','deflated '*50,zipfile.ZIP_DEFLATED)\nz.close()`]);
    const fromPython = readZip(readFileSync(py));
    expect(fromPython.map((e) => e.name)).toEqual(['d/', 'd/s.py', 'd/f.py']);
    expect(fromPython.map((e) => e.read().toString())).toEqual(['', 'stored', 'deflated '.repeat(50)]);
  });
  it('refuses a damaged zip, naming what is wrong', () => {
    const zip = buildZip({ 'a.py': 'hello world '.repeat(20) });
    expect(() => readZip(zip.subarray(0, zip.length - 30), 'x.zip')).toThrow(/x\.zip is not a readable zip file/);
    const bad = Buffer.from(zip);
    bad[40] ^= 0xff; // inside the deflated data
    expect(() => readZip(bad, 'y.zip')[0].read()).toThrow(/y\.zip is not a readable zip file \(a\.py/);
    // an entry that inflates past the size its directory declares (a zip bomb) is refused
    const bomb = buildZip({ 'b.py': 'x'.repeat(100_000) });
    bomb.writeUInt32LE(10, bomb.length - 22 - 46 - 4 + 24); // central directory: uncompressed size
    expect(() => readZip(bomb, 'z.zip')[0].read()).toThrow(/z\.zip is not a readable zip file \(b\.py/);
  });
});

describe('CircuitPython bundles', () => {
  it('maps requirements.txt names to modules as circup does', () => {
    expect(moduleOfRequirement('Adafruit-Blinka')).toBeNull();
    expect(moduleOfRequirement('adafruit-circuitpython-busdevice>=5.0')).toBe('adafruit_bus_device');
    expect(moduleOfRequirement('adafruit-circuitpython-register  # registers')).toBe('adafruit_register');
    expect(moduleOfRequirement('adafruit-circuitpython-neopixel')).toBe('neopixel');
    expect(moduleOfRequirement('# a comment')).toBeNull();
    expect(moduleOfRequirement('circuitpython-typing')).toBeNull();
  });

  it('lists modules with versions and resolves dependencies first, each once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mote-bundle-'));
    const store = new BundleStore(join(dir, 'store'));
    for (const [name, data] of buildBundleZips('20260301')) writeFileSync(join(dir, name), data);
    expect((await store.import(dir)).length).toBe(3);
    const bundles = await store.load();
    expect(bundles.list().map((m) => [m.name, m.version])).toEqual([
      ['adafruit_bme280', '2.6.28'],
      ['adafruit_bus_device', '5.2.10'],
      ['adafruit_register', '1.10.1'],
      ['simpleio', '3.0.1'],
    ]);
    expect(bundles.resolve(['adafruit_bme280', 'adafruit_register']).map((m) => m.name)).toEqual(['adafruit_bus_device', 'adafruit_register', 'adafruit_bme280']);
    const mpy = bundles.filesOf('adafruit_bme280', '9.x-mpy');
    expect([...mpy.files.keys()].sort()).toEqual(['adafruit_bme280/__init__.mpy', 'adafruit_bme280/basic.mpy']);
    expect(bundles.filesOf('simpleio', '10.x-mpy').flavour).toBe('py');
    expect(() => bundles.resolve(['adafruit_nothing'])).toThrow(/no library 'adafruit_nothing'/);
  });

  it('ignores zip entries that climb out of lib/', async () => {
    const store = new BundleStore(mkdtempSync(join(tmpdir(), 'mote-bundle-')));
    const top = 'evil-bundle-py-20260301';
    await store.importZip(`${top}.zip`, buildZip({ [`${top}/lib/good.py`]: 'G = 1\n', [`${top}/lib/../../code.py`]: 'print("owned")\n', [`${top}/lib/pkg/../../boot.py`]: 'x' }));
    const bundles = await store.load();
    expect(bundles.list().map((m) => m.name)).toEqual(['good']);
  });

  it('refuses a zip that is not a bundle, and a misnamed one', async () => {
    const store = new BundleStore(mkdtempSync(join(tmpdir(), 'mote-bundle-')));
    await expect(store.importZip('photos.zip', buildZip({ 'a.jpg': 'x' }))).rejects.toThrow(/not named like a bundle release/);
    await expect(store.importZip('x-bundle-py-20260301.zip', buildZip({ 'x-bundle-py-20260301/README.txt': 'x' }))).rejects.toThrow(/has no x-bundle-py-20260301\/lib\/ folder/);
  });
});
