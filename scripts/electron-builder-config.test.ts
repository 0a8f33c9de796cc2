// The installers cannot be built here (Electron's binary is not downloadable), so CI checks
// their configuration instead: electron-builder's own loader and schema accept it, the fuses
// and per-user install are set as Mote needs, the icons exist at every size and are newer than
// their source, and the udev rule matches the board list.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(__dirname, '..');

interface BuilderConfig {
  electronFuses?: Record<string, boolean>;
  nsis?: Record<string, unknown>;
  linux?: { target?: string[]; icon?: string };
  win?: { target?: string[]; icon?: string };
  mac?: { icon?: string; target?: Array<{ target: string; arch: string[] }> };
  deb?: { afterInstall?: string; afterRemove?: string };
  fileAssociations?: Array<{ ext: string }>;
  files?: string[];
  extraResources?: Array<{ from: string; to: string }>;
}

async function loadConfig(): Promise<BuilderConfig> {
  // electron-builder's own loader and validator, as `electron-builder` runs them.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
    getConfig(dir: string, file: string | null, options: null): Promise<BuilderConfig>;
    validateConfiguration(config: BuilderConfig, debug: { isEnabled: boolean; add(): void }): Promise<void>;
  };
  const config = await getConfig(ROOT, null, null);
  await validateConfiguration(config, { isEnabled: false, add: () => undefined });
  return config;
}

function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('electron-builder.yml', () => {
  test('passes electron-builder’s schema', async () => {
    await expect(loadConfig()).resolves.toBeTruthy();
  });

  test('sets the Electron fuses Mote ships with', async () => {
    expect((await loadConfig()).electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  test('builds AppImage + deb, per-user NSIS + portable, universal dmg, with .py association', async () => {
    const c = await loadConfig();
    expect(c.linux?.target).toEqual(['AppImage', 'deb']);
    expect(c.win?.target).toEqual(['nsis', 'portable']);
    expect(c.nsis).toMatchObject({ perMachine: false, oneClick: false });
    expect(c.mac?.target).toEqual([{ target: 'dmg', arch: ['universal'] }]);
    expect(c.fileAssociations?.map((a) => a.ext)).toContain('py');
    expect(JSON.stringify(c.files)).toContain('!node_modules/typescript/**');
  });

  test('has every icon, generated from the current resources/icon.svg', async () => {
    const c = await loadConfig();
    const manifest = JSON.parse(readFileSync(join(ROOT, 'resources/build/icons.json'), 'utf8')) as { sha256: string; sizes: number[] };
    expect(manifest.sha256).toBe(createHash('sha256').update(readFileSync(join(ROOT, 'resources/icon.svg'), 'utf8')).digest('hex'));
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) expect(pngSize(join(ROOT, c.linux!.icon!, `${size}x${size}.png`))).toEqual([size, size]);
    const ico = readFileSync(join(ROOT, c.win!.icon!));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 7]);
    const icns = readFileSync(join(ROOT, c.mac!.icon!));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
  });

  test('the .deb installs a udev rule that matches resources/boards/usb-ids.json', async () => {
    const c = await loadConfig();
    for (const script of [c.deb!.afterInstall!, c.deb!.afterRemove!]) expect(existsSync(join(ROOT, script))).toBe(true);
    const { udevRules, RULE_FILE } = await import('./gen-udev.mjs');
    const ids = JSON.parse(readFileSync(join(ROOT, 'resources/boards/usb-ids.json'), 'utf8')) as { ids: Record<string, { name: string; flavour: string }> };
    expect(readFileSync(RULE_FILE, 'utf8')).toBe(udevRules(ids));
    const rules = readFileSync(RULE_FILE, 'utf8');
    expect(rules).toContain('ATTRS{idVendor}=="2e8a", ATTRS{idProduct}=="0005"');
    expect(rules).not.toContain('"0003"'); // the RP2040 bootloader is a drive, not a port
    expect(readFileSync(join(ROOT, c.deb!.afterInstall!), 'utf8')).toContain('/etc/udev/rules.d/70-mote-boards.rules');
    expect(c.extraResources?.some((r) => r.from === 'resources/build/linux' && r.to === 'build-linux')).toBe(true);
  });
});
