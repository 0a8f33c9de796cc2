// Temp folders presented as drives through the same shape drivelist gives.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DriveService, parseBootOut, parseInfoUf2, type SourceDrive } from './drive-service';

function drive(path: string, label: string, extra: Partial<SourceDrive> = {}): SourceDrive {
  return { device: `/dev/sd-${label}`, description: label, mountpoints: [{ path, label }], isRemovable: true, isUSB: true, isSystem: false, ...extra };
}

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mote-drive-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('DriveService', () => {
  it('finds CIRCUITPY, UF2 bootloaders and micro:bit drives, ignoring others', async () => {
    const cp = folder({ 'boot_out.txt': 'Adafruit CircuitPython 9.2.1 on 2024-11-20; Raspberry Pi Pico with rp2040\r\nBoard ID:raspberry_pi_pico\r\nUID:E66038B7137D7E2B\r\n', 'code.py': '' });
    const rp2 = folder({ 'INFO_UF2.TXT': 'UF2 Bootloader v3.0\nModel: Raspberry Pi RP2\nBoard-ID: RPI-RP2\n', 'INDEX.HTM': '' });
    const rp2350 = folder({ 'info_uf2.txt': 'UF2 Bootloader v1.0\r\nModel: Raspberry Pi RP2350\r\nBoard-ID: RP2350\r\n' });
    const mb = folder({ 'DETAILS.TXT': '# DAPLink Firmware - see https://mbed.com/daplink\nUnique ID: 9904360251974e45003a0011000000340000000097969901\n' });
    const usb = folder({ 'photo.jpg': 'x' });
    const system = folder({ 'boot_out.txt': 'Adafruit CircuitPython 1.0.0 on x; y with z' });
    const service = new DriveService({
      source: async () => [drive(cp, 'CIRCUITPY'), drive(rp2, 'RPI-RP2'), drive(rp2350, 'RP2350'), drive(mb, 'MICROBIT'), drive(usb, 'STICK'), drive(system, 'SYS', { isSystem: true })],
    });
    const list = await service.list();
    expect(list.map((d) => [d.label, d.kind])).toEqual([
      ['CIRCUITPY', 'circuitpython'],
      ['RPI-RP2', 'uf2-bootloader'],
      ['RP2350', 'uf2-bootloader'],
      ['MICROBIT', 'microbit'],
    ]);
    expect(list[0].bootOut).toEqual({ firstLine: 'Adafruit CircuitPython 9.2.1 on 2024-11-20; Raspberry Pi Pico with rp2040', version: '9.2.1', machine: 'Raspberry Pi Pico with rp2040', boardId: 'raspberry_pi_pico', uid: 'E66038B7137D7E2B' });
    expect(list[1].uf2Info).toMatchObject({ Model: 'Raspberry Pi RP2', 'Board-ID': 'RPI-RP2' });
    expect(list[2].uf2Info?.['Board-ID']).toBe('RP2350');
    expect(list[3].microbitBoardId).toBe('9904');
  });

  it('matches a CircuitPython board to its drive by UID, else by version and board name', async () => {
    const a = folder({ 'boot_out.txt': 'Adafruit CircuitPython 9.2.1 on 2024-11-20; Raspberry Pi Pico with rp2040\nBoard ID:raspberry_pi_pico\nUID:AAAA0000AAAA0000\n' });
    const b = folder({ 'boot_out.txt': 'Adafruit CircuitPython 9.2.1 on 2024-11-20; Raspberry Pi Pico with rp2040\nBoard ID:raspberry_pi_pico\nUID:BBBB0000BBBB0000\n' });
    const c = folder({ 'boot_out.txt': 'Adafruit CircuitPython 8.0.0 on 2023-01-01; Adafruit Feather RP2040 with rp2040\n' });
    const service = new DriveService({ source: async () => [drive(a, 'CIRCUITPY'), drive(b, 'CIRCUITPY'), drive(c, 'CIRCUITPY')] });
    expect((await service.findCircuitPyDrive({ version: '9.2.1', machine: 'Raspberry Pi Pico with rp2040', uid: 'bbbb0000bbbb0000' }))?.path).toBe(b);
    // two identical boards without a UID: ambiguous, so no guess
    expect(await service.findCircuitPyDrive({ version: '9.2.1', machine: 'Raspberry Pi Pico with rp2040' })).toBeNull();
    expect((await service.findCircuitPyDrive({ version: '8.0.0', machine: 'Adafruit Feather RP2040 with rp2040' }))?.path).toBe(c);
  });

  it('reports drives coming and going', async () => {
    const cp = folder({ 'boot_out.txt': 'Adafruit CircuitPython 9.2.1 on 2024-11-20; Raspberry Pi Pico with rp2040\n' });
    let present = false;
    const service = new DriveService({ source: async () => (present ? [drive(cp, 'CIRCUITPY')] : []), pollMs: 20 });
    const seen: number[] = [];
    const stop = service.onDrivesChanged((d) => seen.push(d.length));
    await new Promise((r) => setTimeout(r, 60));
    present = true;
    await new Promise((r) => setTimeout(r, 80));
    stop();
    expect(seen).toEqual([0, 1]);
  });

  it('parses INFO_UF2.TXT and boot_out.txt loosely', () => {
    expect(parseInfoUf2('TinyUF2 Bootloader 0.18.0\r\nModel: Adafruit Feather ESP32-S2\r\nBoard-ID: ESP32S2-FeatherS2-revB\r\nDate: Nov 2023\r\n')).toMatchObject({ banner: 'TinyUF2 Bootloader 0.18.0', Date: 'Nov 2023' });
    expect(parseBootOut('garbage')).toBeNull();
  });
});
