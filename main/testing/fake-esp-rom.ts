// Test helper: an ESP chip in its ROM download mode behind a pseudo-terminal, speaking
// esptool's SLIP protocol (sync, read/write register, chip detection by magic register or
// GET_SECURITY_INFO, RAM download of the flasher stub and the stub's "OHAI", flash
// begin/data/end plain and deflated, MD5, erase, baud change). It keeps a flash array and
// records every command, so tests compare what was written where byte for byte.
// socat joins two ptys: Mote opens `path`, the fake holds the other end.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, inflateSync } from 'node:zlib';
import { SerialPort } from 'serialport';

export interface FakeChip {
  name: string;
  /** Value at 0x40001000 (ESP32, ESP8266: chips detected by magic); null for chips that answer GET_SECURITY_INFO. */
  magic: number | null;
  /** GET_SECURITY_INFO chip id (IMAGE_CHIP_ID). */
  chipId: number;
  spiBase: number;
  w0Offset: number;
  flashBytes: number;
}

export const FAKE_ESP32: FakeChip = { name: 'ESP32', magic: 0x00f01d83, chipId: 0, spiBase: 0x3ff42000, w0Offset: 0x80, flashBytes: 4 * 1024 * 1024 };
export const FAKE_ESP32S3: FakeChip = { name: 'ESP32-S3', magic: null, chipId: 9, spiBase: 0x60002000, w0Offset: 0x58, flashBytes: 8 * 1024 * 1024 };

export interface FakeRomOptions {
  chip?: FakeChip;
  /** Accept the flasher stub (answer "OHAI" after MEM_END); false plays a ROM that never starts it. */
  stub?: boolean;
}

const OP = { FLASH_BEGIN: 0x02, FLASH_DATA: 0x03, FLASH_END: 0x04, MEM_BEGIN: 0x05, MEM_END: 0x06, MEM_DATA: 0x07, SYNC: 0x08, WRITE_REG: 0x09, READ_REG: 0x0a, SPI_SET_PARAMS: 0x0b, SPI_ATTACH: 0x0d, CHANGE_BAUD: 0x0f, DEFL_BEGIN: 0x10, DEFL_DATA: 0x11, DEFL_END: 0x12, MD5: 0x13, SECURITY_INFO: 0x14, ERASE_FLASH: 0xd0 };
const NAMES = Object.fromEntries(Object.entries(OP).map(([k, v]) => [v, k]));
const SPI_CMD_USR = 1 << 18;
/** A 4 MiB (and for S3 8 MiB) flash's JEDEC id, as RDID answers it: manufacturer, type, capacity 2^n. */
const flashId = (bytes: number) => 0xef | (0x40 << 8) | (Math.log2(bytes) << 16);

export class FakeEspRom {
  readonly dir = mkdtempSync(join(tmpdir(), 'mote-esp-'));
  /** The end Mote opens. */
  readonly path = join(this.dir, 'ttyESP');
  private readonly inner = join(this.dir, 'ttyROM');
  readonly chip: FakeChip;
  readonly flash: Buffer;
  /** Every command by name, in order ('SYNC', 'READ_REG', …). */
  readonly commands: string[] = [];
  /** Each flash write session: where it began and how many bytes were written. */
  readonly writes: Array<{ address: number; bytes: number; compressed: boolean }> = [];
  stubRunning = false;
  erased = 0;
  private socat: ChildProcess | null = null;
  private port: SerialPort | null = null;
  private rx: number[] = [];
  private escaping = false;
  private inFrame = false;
  private regs = new Map<number, number>();
  private session: { address: number; blockSize: number; compressed: Buffer[]; written: number; defl: boolean } | null = null;

  constructor(private readonly options: FakeRomOptions = {}) {
    this.chip = options.chip ?? FAKE_ESP32;
    this.flash = Buffer.alloc(this.chip.flashBytes, 0xff);
  }

  async start(): Promise<void> {
    this.socat = spawn('socat', [`pty,raw,echo=0,link=${this.path}`, `pty,raw,echo=0,link=${this.inner}`], { stdio: 'ignore' });
    for (let i = 0; i < 200 && !(existsSync(this.path) && existsSync(this.inner)); i++) await new Promise((r) => setTimeout(r, 20));
    this.port = new SerialPort({ path: this.inner, baudRate: 115200 });
    await new Promise<void>((resolve, reject) => this.port!.on('open', resolve).on('error', reject));
    this.port.on('data', (d: Buffer) => this.receive(d));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.port?.isOpen ? this.port.close(() => resolve()) : resolve()));
    this.socat?.kill();
  }

  /** The flash bytes at [address, address + length). */
  read(address: number, length: number): Buffer {
    return this.flash.subarray(address, address + length);
  }

  private receive(data: Buffer): void {
    for (const b of data) {
      if (b === 0xc0) {
        if (this.inFrame && this.rx.length) this.packet(Buffer.from(this.rx));
        this.rx = [];
        this.inFrame = true;
      } else if (!this.inFrame) continue;
      else if (this.escaping) {
        this.rx.push(b === 0xdc ? 0xc0 : b === 0xdd ? 0xdb : b);
        this.escaping = false;
      } else if (b === 0xdb) this.escaping = true;
      else this.rx.push(b);
    }
  }

  private send(payload: Buffer): void {
    const out: number[] = [0xc0];
    for (const b of payload) out.push(...(b === 0xc0 ? [0xdb, 0xdc] : b === 0xdb ? [0xdb, 0xdd] : [b]));
    out.push(0xc0);
    this.port?.write(Buffer.from(out));
  }

  /** A response: direction 1, the op, value, then data and status (ROM: 4 status bytes, stub: 2). */
  private reply(op: number, value = 0, data: Buffer = Buffer.alloc(0), error = 0): void {
    const status = Buffer.alloc(this.stubRunning ? 2 : 4);
    if (error) status.set([1, error]);
    const body = Buffer.concat([data, status]);
    const head = Buffer.alloc(8);
    head.writeUInt8(1, 0);
    head.writeUInt8(op, 1);
    head.writeUInt16LE(body.length, 2);
    head.writeUInt32LE(value >>> 0, 4);
    this.send(Buffer.concat([head, body]));
  }

  private packet(p: Buffer): void {
    if (p.length < 8 || p[0] !== 0) return;
    const op = p[1];
    const data = p.subarray(8, 8 + p.readUInt16LE(2));
    this.commands.push(NAMES[op] ?? `0x${op.toString(16)}`);
    const u32 = (i: number) => data.readUInt32LE(i * 4);
    switch (op) {
      case OP.SYNC:
        // the ROM answers a sync eight times; the stub's value is 0, the ROM's is not
        for (let i = 0; i < 8; i++) this.reply(op, this.stubRunning ? 0 : 0x20120707);
        return;
      case OP.READ_REG:
        return this.reply(op, this.readReg(u32(0)));
      case OP.WRITE_REG:
        this.writeReg(u32(0), u32(1));
        return this.reply(op);
      case OP.SECURITY_INFO:
        // ESP32's ROM predates the command; later chips give flags, crypt count, key purposes, chip id, API version
        if (this.chip.magic !== null) return this.reply(op, 0, Buffer.alloc(0), 0x05);
        return this.reply(op, 0, Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, this.chip.chipId, 0, 0, 0, 1, 0, 0, 0]));
      case OP.MEM_BEGIN:
      case OP.MEM_DATA:
      case OP.SPI_SET_PARAMS:
      case OP.SPI_ATTACH:
      case OP.CHANGE_BAUD:
        return this.reply(op);
      case OP.MEM_END:
        this.reply(op);
        if (this.options.stub !== false) {
          this.stubRunning = true;
          this.send(Buffer.from('OHAI'));
        }
        return;
      case OP.FLASH_BEGIN:
      case OP.DEFL_BEGIN: {
        const address = u32(3);
        const size = op === OP.DEFL_BEGIN && !this.stubRunning ? u32(1) * u32(2) : u32(0);
        if (address + size > this.flash.length) return this.reply(op, 0, Buffer.alloc(0), 0x06);
        this.flash.fill(0xff, address, Math.min(this.flash.length, address + (op === OP.DEFL_BEGIN ? u32(0) : size)));
        this.session = { address, blockSize: u32(2), compressed: [], written: 0, defl: op === OP.DEFL_BEGIN };
        this.writes.push({ address, bytes: 0, compressed: op === OP.DEFL_BEGIN });
        return this.reply(op);
      }
      case OP.FLASH_DATA:
      case OP.DEFL_DATA:
        return this.reply(op, 0, Buffer.alloc(0), this.block(data.subarray(16, 16 + u32(0)), u32(1)) ? 0 : 0x07);
      case OP.FLASH_END:
      case OP.DEFL_END:
        this.session = null;
        return this.reply(op);
      case OP.MD5: {
        const digest = createHash('md5').update(this.read(u32(0), u32(1))).digest();
        return this.reply(op, 0, this.stubRunning ? digest : Buffer.from(digest.toString('hex'), 'ascii'));
      }
      case OP.ERASE_FLASH:
        if (!this.stubRunning) return this.reply(op, 0, Buffer.alloc(0), 0x05);
        this.flash.fill(0xff);
        this.erased++;
        return this.reply(op);
      default:
        return this.reply(op, 0, Buffer.alloc(0), 0x05);
    }
  }

  /** Writes one data block of the current session; false when it is out of order. */
  private block(block: Buffer, seq: number): boolean {
    const s = this.session;
    if (!s) return false;
    const w = this.writes[this.writes.length - 1];
    if (!s.defl) {
      this.flash.set(block.subarray(0, Math.max(0, this.flash.length - (s.address + seq * s.blockSize))), s.address + seq * s.blockSize);
      w.bytes += block.length;
      return true;
    }
    if (seq !== s.compressed.length) return false;
    s.compressed.push(Buffer.from(block));
    // inflate what has arrived so far (a sync flush gives every byte the stream has completed)
    const out = inflateSync(Buffer.concat(s.compressed), { finishFlush: constants.Z_SYNC_FLUSH });
    this.flash.set(out.subarray(s.written), s.address + s.written);
    s.written = out.length;
    w.bytes = out.length;
    return true;
  }

  private readReg(addr: number): number {
    if (addr === 0x40001000 && this.chip.magic !== null) return this.chip.magic;
    return this.regs.get(addr) ?? 0;
  }

  /** SPI "user" commands run at once: RDID (0x9F) puts the flash id in W0. */
  private writeReg(addr: number, value: number): void {
    if (addr === this.chip.spiBase && value & SPI_CMD_USR) {
      const usr2 = [...this.regs.entries()].find(([a, v]) => a > this.chip.spiBase && a < this.chip.spiBase + 0x100 && v >>> 28 === 7)?.[1] ?? 0;
      if ((usr2 & 0xffff) === 0x9f) this.regs.set(this.chip.spiBase + this.chip.w0Offset, flashId(this.chip.flashBytes));
      this.regs.set(addr, 0);
      return;
    }
    this.regs.set(addr, value >>> 0);
  }
}
