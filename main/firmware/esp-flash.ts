// Flashing ESP32/ESP8266 boards over serial with esptool-js (Apache-2.0) through
// WebSerialPort: reset into the ROM loader (the classic DTR/RTS sequence, or the USB-JTAG one
// for Espressif's own USB), detect the chip and refuse an image for another one before the
// flash is touched, load the flasher stub (unless told not to), erase when asked, write at
// the image's offset, check the flash's MD5 ourselves, and hard-reset into the new firmware.
import { createHash } from 'node:crypto';
import { ESPLoader, Transport } from 'esptool-js';
import { MoteError } from '../../shared/errors';
import { checkEspFits, parseEspImage } from './esp-image';
import { WebSerialPort } from './web-serial-port';

export interface EspFlashOptions {
  /** Erase the whole flash first (a first install; it wipes the board's files). */
  erase?: boolean;
  /** Talk to the ROM only (esptool's --no-stub). */
  noStub?: boolean;
  /** Baud rate for writing (default 460800; ptys ignore it). */
  baudRate?: number;
  onProgress?: (done: number, total: number) => void;
  /** esptool-js's own lines ("Chip is ESP32-D0WD", "Writing at 0x1000…"). */
  log?: (line: string) => void;
  /** USB ids of the port, so esptool-js picks the USB-JTAG reset for Espressif's own USB. */
  usb?: { vendorId?: number; productId?: number };
  /** Seen by tests: the port adapter (signals, reopens). */
  onPort?: (port: WebSerialPort) => void;
}

export interface EspFlashResult {
  chip: string;
  address: number;
  flashBytes: number | null;
  erased: boolean;
  stub: boolean;
  warning?: string;
}

const ROM_BAUD = 115200;

/** esptool-js's Transport prints its trace lines with console.log whatever `tracing` says; they would land in `mote`'s stdout. */
class QuietTransport extends Transport {
  override trace(): void {}
}

/** esptool-js's loader on a WebSerialPort for `path` (not opened yet: detectChip opens it). */
function connectLoader(path: string, options: Pick<EspFlashOptions, 'usb' | 'log' | 'onPort'>, baudrate: number): { transport: Transport; loader: ESPLoader } {
  const port = new WebSerialPort(path, { usbVendorId: options.usb?.vendorId, usbProductId: options.usb?.productId });
  options.onPort?.(port);
  // esptool-js types its port as Web Serial's SerialPort, which Node's lib does not declare
  const transport = new QuietTransport(port as unknown as ConstructorParameters<typeof Transport>[0], false);
  const log = options.log ?? (() => undefined);
  const loader = new ESPLoader({ transport, baudrate, romBaudrate: ROM_BAUD, terminal: { clean() {}, writeLine: log, write: log }, debugLogging: false });
  return { transport, loader };
}

/** Connects to the ROM loader on `path` only to ask which chip it is ('ESP32', 'ESP32-S3', …), then lets the chip run again. */
export async function detectEspChip(path: string, options: Pick<EspFlashOptions, 'usb' | 'log'> = {}): Promise<string> {
  const { transport, loader } = connectLoader(path, options, ROM_BAUD);
  try {
    await step('find the ESP chip (is it in download mode?)', () => loader.detectChip('default_reset'));
    return String(loader.chip.CHIP_NAME);
  } finally {
    await loader.after('hard_reset').catch(() => undefined);
    await transport.disconnect().catch(() => undefined);
  }
}

/** Writes `data` (an ESP image: checked here first) to the chip on `path`. */
export async function flashEspOverSerial(path: string, data: Uint8Array, image: { address?: number } | null, options: EspFlashOptions = {}): Promise<EspFlashResult> {
  const parsed = parseEspImage(data);
  const address = image?.address ?? parsed.address;
  const { transport, loader } = connectLoader(path, options, options.baudRate ?? 460800);
  try {
    await step('find the ESP chip (is it in download mode?)', () => loader.detectChip('default_reset'));
    const chip = String(loader.chip.CHIP_NAME);
    checkEspFits(parsed, data.length, chip, null);
    let stub = false;
    // a stub left running by an earlier session (no reset line to restart the chip) answers the
    // sync with 0; the ROM is not there to talk to, so carry on with the stub
    const stubAlreadyRunning = (loader as unknown as { syncStubDetected?: boolean }).syncStubDetected === true;
    if (!options.noStub || stubAlreadyRunning) {
      await step('start the flasher stub', () => loader.runStub());
      stub = loader.IS_STUB;
      if ((options.baudRate ?? 460800) !== ROM_BAUD) await step('change the baud rate', () => loader.changeBaud());
    }
    const size = await step('read the flash size', () => loader.detectFlashSize()).catch(() => undefined);
    const flashBytes = size ? loader.flashSizeBytes(size as Parameters<ESPLoader['flashSizeBytes']>[0]) : null;
    checkEspFits(parsed, data.length, chip, flashBytes && flashBytes > 0 ? flashBytes : null);
    const eraseWarning = options.erase && !stub ? 'The ROM loader cannot erase the whole flash (that needs the stub): only the image\'s area was erased.' : undefined;
    await step('write the flash', () =>
      loader.writeFlash({
        fileArray: [{ data, address }],
        // 'keep' leaves the image's header as built, so the flash holds exactly the file
        flashMode: 'keep',
        flashFreq: 'keep',
        flashSize: 'keep',
        eraseAll: !!options.erase && stub,
        compress: true,
        reportProgress: (_file, written, total) => options.onProgress?.(written, total),
      }),
    );
    await verify(loader, data, address, stub);
    await step('restart the board', () => loader.after('hard_reset'));
    return { chip, address, flashBytes: flashBytes && flashBytes > 0 ? flashBytes : null, erased: !!options.erase && stub, stub, ...(eraseWarning ? { warning: eraseWarning } : {}) };
  } finally {
    await transport.disconnect().catch(() => undefined);
  }
}

/** Compares the flash's MD5 with the image's (esptool pads the image to 4 bytes with 0xFF). */
async function verify(loader: ESPLoader, data: Uint8Array, address: number, stub: boolean): Promise<void> {
  const padded = Buffer.alloc(Math.ceil(data.length / 4) * 4, 0xff);
  padded.set(data);
  const want = createHash('md5').update(padded).digest('hex');
  const raw = await step('verify the flash', () => loader.flashMd5sum(address, padded.length));
  // the stub answers 16 bytes, the ROM 32 hex digits: esptool-js hex-encodes either as it came
  const got = stub ? raw : Buffer.from(raw, 'hex').toString('latin1');
  if (got !== want) throw new MoteError('board-protocol', `The flash does not hold what was written (MD5 ${got}, expected ${want}). Try again, at a lower baud rate or with a shorter cable.`);
}

/** Runs one esptool step, turning its errors into a sentence about that step. */
async function step<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof MoteError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    if (/Failed to connect|timeout|Timeout/i.test(message)) {
      throw new MoteError('board-timeout', `Could not ${what}: the board did not answer (${message}). Hold BOOT, tap EN/RST, let go of BOOT, and try again.`);
    }
    throw new MoteError('board-protocol', `Could not ${what}: ${message}`);
  }
}
