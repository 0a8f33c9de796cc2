// A micropython-lib checkout imported for offline use: manifests read (metadata, module,
// package, require inlined, include), files tagged with __version__, then installed with no network.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DriveFs } from '../board/drive-fs';
import { LibraryService } from './library-service';
import type { LibraryTarget } from './library-target';
import { manifestCalls } from './micropython-lib-checkout';

function checkout(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'mote-mplib-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  return root;
}

const realBoard: LibraryTarget = { firmware: 'micropython', mpy: '6', bundleFlavour: 'py', libDir: '/lib', simulated: false, version: '1.27.0' };

describe('micropython-lib checkouts', () => {
  it('reads the calls of a manifest without running it', () => {
    expect(manifestCalls('metadata(description="A (small) driver.", version="0.1.0")\n# require("nope")\nrequire("ssd1306")\npackage("umqtt", files=["simple.py"], base_path="..")\nmodule("x.py", opt=3)')).toEqual([
      { name: 'metadata', positional: [], keywords: { description: 'A (small) driver.', version: '0.1.0' } },
      { name: 'require', positional: ['ssd1306'], keywords: {} },
      { name: 'package', positional: ['umqtt'], keywords: { files: ['simple.py'], base_path: '..' } },
      { name: 'module', positional: ['x.py'], keywords: { opt: '3' } },
    ]);
  });

  it('imports a checkout and installs from it offline, requires inlined and versions tagged', async () => {
    const root = checkout({
      'micropython/drivers/display/ssd1306/manifest.py': 'metadata(description="SSD1306 OLED driver.", version="0.1.0")\nmodule("ssd1306.py", opt=3)\n',
      'micropython/drivers/display/ssd1306/ssd1306.py': 'def hello():\n    return "ok"\n',
      'micropython/umqtt.simple/manifest.py': 'metadata(description="Lightweight MQTT client.", version="1.4.0")\n\n# a comment\npackage("umqtt")\n',
      'micropython/umqtt.simple/umqtt/simple.py': 'class MQTTClient:\n    pass\n',
      'python-ecosys/oled-kit/manifest.py': 'metadata(version="2.0")\nrequire("ssd1306")\ninclude("extra")\n',
      'python-ecosys/oled-kit/extra/manifest.py': 'module("oled_kit.py")\n',
      'python-ecosys/oled-kit/extra/oled_kit.py': '__version__ = "2.0-own"\n',
    });
    const service = new LibraryService({ dataDir: mkdtempSync(join(tmpdir(), 'mote-lib-')), network: null });
    expect(await service.import(root)).toEqual({ kind: 'mip-index', count: 11 });
    expect((await service.search('mqtt', 'micropython')).map((l) => [l.name, l.version])).toEqual([['umqtt.simple', '1.4.0']]);
    const plan = await service.plan(['oled-kit'], realBoard);
    expect(plan.libraries.map((l) => [l.name, l.version, l.files])).toEqual([['oled-kit', '2.0', ['ssd1306.py', 'oled_kit.py']]]);
    const board = new DriveFs(mkdtempSync(join(tmpdir(), 'mote-lib-board-')));
    await service.install(plan, board, realBoard);
    expect((await service.installed(board, realBoard)).map((l) => `${l.name} ${l.version}`)).toEqual(['oled_kit 2.0-own', 'ssd1306 0.1.0']);
  });

  it('says what is wrong with a broken checkout', async () => {
    const service = new LibraryService({ dataDir: mkdtempSync(join(tmpdir(), 'mote-lib-')), network: null });
    await expect(service.import(checkout({ 'micropython/a/manifest.py': 'require("missing")\n' }))).rejects.toThrow(/a requires 'missing', which is not in this checkout/);
    await expect(service.import(checkout({ 'micropython/b/manifest.py': 'module("gone.py")\n' }))).rejects.toThrow(/b's manifest names gone\.py, which is missing/);
  });
});
