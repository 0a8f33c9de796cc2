// esptool-js against a fake ESP ROM loader behind a pty: what the chip's flash holds afterwards,
// byte for byte, and what is refused before the flash is touched.
import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_ESP32, FAKE_ESP32S3, FakeEspRom } from '../testing/fake-esp-rom';
import { espImage } from '../testing/firmware-images';
import { flashEspOverSerial } from './esp-flash';
import type { WebSerialPort } from './web-serial-port';

let rom: FakeEspRom | null = null;
afterEach(async () => {
  await rom?.stop();
  rom = null;
});

async function fake(options: ConstructorParameters<typeof FakeEspRom>[0] = {}): Promise<FakeEspRom> {
  rom = new FakeEspRom(options);
  await rom.start();
  return rom;
}

describe('flashEspOverSerial', { timeout: 60_000 }, () => {
  it('writes a MicroPython ESP32 image at 0x1000 through the stub, verifies it and resets', async () => {
    const chip = await fake();
    const image = espImage('ESP32', 200_000, { text: 'MicroPython v1.27.0 on 2025-12-09; Generic ESP32 module with ESP32' });
    const progress: number[] = [];
    let port: WebSerialPort | null = null;
    const result = await flashEspOverSerial(chip.path, image, null, { onProgress: (d) => progress.push(d), onPort: (p) => (port = p) });
    expect(result).toEqual({ chip: 'ESP32', address: 0x1000, flashBytes: 4 * 1024 * 1024, erased: false, stub: true });
    expect(chip.read(0x1000, image.length).equals(image)).toBe(true);
    expect(chip.read(0, 0x1000).every((b) => b === 0xff)).toBe(true);
    expect(chip.writes).toEqual([{ address: 0x1000, bytes: image.length, compressed: true }]);
    expect(chip.commands.filter((c) => c === 'MEM_END')).toHaveLength(1);
    expect(chip.commands).toContain('MD5');
    expect(progress.length).toBeGreaterThan(1);
    // the classic reset into the ROM loader on DTR/RTS (EN low with IO0 high, then IO0 low as EN rises)
    expect(port!.signals.slice(0, 3)).toEqual([{ dtr: false, rts: true }, { dtr: true, rts: false }, { dtr: false, rts: false }]);
  });

  it('uses the USB-JTAG reset sequence on Espressif\'s own USB port (303a:1001)', async () => {
    const chip = await fake({ chip: FAKE_ESP32S3 });
    let port: WebSerialPort | null = null;
    await flashEspOverSerial(chip.path, espImage('ESP32-S3', 10_000), null, { usb: { vendorId: 0x303a, productId: 0x1001 }, onPort: (p) => (port = p) });
    expect(port!.signals[0]).toEqual({ rts: false });
    expect(port!.signals).not.toContainEqual({ dtr: false, rts: true });
  });

  it('erases the whole flash first when asked', async () => {
    const chip = await fake();
    chip.flash.fill(0x11, 0x300000, 0x300100);
    const image = espImage('ESP32', 50_000);
    const result = await flashEspOverSerial(chip.path, image, null, { erase: true });
    expect(result.erased).toBe(true);
    expect(chip.erased).toBe(1);
    expect(chip.read(0x300000, 0x100).every((b) => b === 0xff)).toBe(true);
    expect(chip.read(0x1000, image.length).equals(image)).toBe(true);
  });

  it('talks to the ROM alone with noStub (its MD5 answer is hex text)', async () => {
    const chip = await fake({ stub: true });
    const image = espImage('ESP32', 30_000);
    const result = await flashEspOverSerial(chip.path, image, null, { noStub: true, erase: true });
    expect(result).toMatchObject({ stub: false, erased: false, warning: expect.stringMatching(/ROM loader cannot erase the whole flash/) });
    expect(chip.commands).not.toContain('MEM_END');
    expect(chip.read(0x1000, image.length).equals(image)).toBe(true);
  });

  it('carries on with a stub an earlier session left running (a board without reset lines)', async () => {
    const chip = await fake();
    await flashEspOverSerial(chip.path, espImage('ESP32', 20_000), null);
    const uploads = chip.commands.filter((c) => c === 'MEM_END').length;
    const image = espImage('ESP32', 40_000, { text: 'second' });
    const result = await flashEspOverSerial(chip.path, image, null, { noStub: true });
    expect(result.stub).toBe(true);
    expect(chip.commands.filter((c) => c === 'MEM_END')).toHaveLength(uploads);
    expect(chip.read(0x1000, image.length).equals(image)).toBe(true);
  });

  it('writes an ESP32-S3 image at 0x0 (the chip found by GET_SECURITY_INFO)', async () => {
    const chip = await fake({ chip: FAKE_ESP32S3 });
    const image = espImage('ESP32-S3', 70_000);
    const result = await flashEspOverSerial(chip.path, image, null);
    expect(result).toMatchObject({ chip: 'ESP32-S3', address: 0, flashBytes: 8 * 1024 * 1024 });
    expect(chip.read(0, image.length).equals(image)).toBe(true);
  });

  it('refuses an image for another chip before touching the flash', async () => {
    const chip = await fake({ chip: FAKE_ESP32 });
    await expect(flashEspOverSerial(chip.path, espImage('ESP32-S3', 20_000), null)).rejects.toMatchObject({ code: 'invalid-file', message: expect.stringMatching(/for the ESP32-S3, but the board has an ESP32/) });
    expect(chip.writes).toEqual([]);
    expect(chip.commands).not.toContain('FLASH_BEGIN');
    expect(chip.commands).not.toContain('DEFL_BEGIN');
  });

  it('refuses an image bigger than the flash', async () => {
    const chip = await fake({ chip: { ...FAKE_ESP32, flashBytes: 1024 * 1024 } });
    await expect(flashEspOverSerial(chip.path, espImage('ESP32', 1024 * 1024), null)).rejects.toMatchObject({ code: 'invalid-file', message: expect.stringMatching(/needs 1028 KiB of flash; this board has 1024 KiB/) });
    expect(chip.writes).toEqual([]);
  });

  it('refuses a file that is no ESP image without opening the port', async () => {
    const chip = await fake();
    await expect(flashEspOverSerial(chip.path, Buffer.alloc(4096, 0x41), null)).rejects.toMatchObject({ code: 'invalid-file' });
    expect(chip.commands).toEqual([]);
  });
});
