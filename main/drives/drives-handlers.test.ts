import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IpcRouter } from '../ipc/router';
import { DriveService } from './drive-service';
import { registerDrivesHandlers } from './drives-handlers';

describe('drives IPC handlers', () => {
  it('lists drives and sends drives:changed when one appears', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mote-rp2-'));
    writeFileSync(join(dir, 'INFO_UF2.TXT'), 'UF2 Bootloader v3.0\nModel: Raspberry Pi RP2\nBoard-ID: RPI-RP2\n');
    let present = false;
    const service = new DriveService({
      pollMs: 20,
      source: async () => (present ? [{ device: '/dev/sdz', description: 'RP2', mountpoints: [{ path: dir, label: 'RPI-RP2' }], isRemovable: true, isUSB: true, isSystem: false }] : []),
    });
    const router = new IpcRouter({ warn: () => undefined, error: () => undefined });
    const events: unknown[] = [];
    router.addSink((name, payload) => events.push([name, payload]));
    const stop = registerDrivesHandlers(router, service);
    await new Promise((r) => setTimeout(r, 50));
    present = true;
    await new Promise((r) => setTimeout(r, 80));
    stop();
    const listed = await router.invoke('drives:list', {}, { host: 'web', connectionId: 't' });
    expect(listed).toMatchObject({ ok: true, value: [{ path: dir, kind: 'uf2-bootloader', uf2Info: { 'Board-ID': 'RPI-RP2' } }] });
    expect(events).toEqual([
      ['drives:changed', []],
      ['drives:changed', [expect.objectContaining({ label: 'RPI-RP2' })]],
    ]);
  });
});
