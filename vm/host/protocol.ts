// The contract between the simulated-board worker and whoever owns it (main's SimulatorService,
// the board CLI): the SharedArrayBuffer layout that carries stdin and Ctrl-C without the
// worker's event loop, and the messages exchanged over the worker port.
// "Ctrl-C" below means the board's current interrupt character (SabWord.INTR_CHAR): 0x03 while
// code runs unless the program chose another or none with micropython.kbd_intr(), and none at a
// prompt, where 0x03 is an ordinary REPL key (pyexec.c).
// main/ imports only the types from this file; it repeats the layout numbers (a test checks them).
import { PROFILES } from '../board/profiles/profiles';

/** Int32 word indexes at the start of the shared buffer. */
export const SabWord = {
  /** Set non-zero by the owner whenever it queued a Ctrl-C byte (or a 0x03 byte, which running
   *  a command is about to make the interrupt char); the worker resets it to 0. */
  INTERRUPT: 0,
  /** Incremented and notified by the owner after every change the worker may wait for. */
  WAKE: 1,
  /** Ring write counter (owner only writes it; wraps at 2^32 as uint32). */
  HEAD: 2,
  /** Ring read counter (worker only writes it). */
  TAIL: 3,
  /** 1 while the owner has bytes it could not fit; the worker then posts 'stdin-space'. */
  NEED_SPACE: 4,
  /** Incremented by the worker at every poll and wait: the owner's watchdog reads it. */
  HEARTBEAT: 5,
  /** 1 while Python code runs (Ctrl-C is armed), 0 while the board waits at a prompt. */
  BUSY: 6,
  /** The interrupt character plus one, 0 for none (so a fresh buffer says none); the worker
   *  writes it, through setInterruptChar/interruptChar below. */
  INTR_CHAR: 7,
  /** Output bytes the owner has taken from the port (it adds each 'output' message's length;
   *  wraps at 2^32): the worker stops printing while too much of what it posted is unread. */
  OUTPUT_TAKEN: 8,
} as const;

/** Bytes before the ring data (16 Int32 words, room to grow). */
export const SAB_HEADER_BYTES = 64;
/** Ring size in bytes; a power of two. */
export const STDIN_RING_BYTES = 65536;
export const SAB_TOTAL_BYTES = SAB_HEADER_BYTES + STDIN_RING_BYTES;

/** The profiles a simulated board can run. */
export type BoardProfileId = 'pico' | 'pico2' | 'esp32' | 'circuitpython-rp2040';

/** The simulated boards the IDE offers, in picker order (the first is the default board), taken from the profiles. */
export const SIMULATED_BOARDS: ReadonlyArray<{ id: BoardProfileId; name: string; flavour: 'micropython' | 'circuitpython' }> = Object.values(PROFILES).map(
  (p) => ({ id: p.id, name: p.boardName, flavour: p.flavour }),
);

/** What the worker gets as workerData. */
export interface WorkerInit {
  profile: BoardProfileId;
  /** Host folder holding the board's files (created if missing). */
  fsRoot: string;
  sab: SharedArrayBuffer;
  /** The owner emulates the UF2 bootloader (it handles 'bootloader'); else machine.bootloader() says it cannot. */
  bootloader?: boolean;
}

/** A coalesced hardware state change the Board panel draws. */
export type BoardStateChange =
  | { kind: 'pin'; pin: string; mode: 'in' | 'out' | 'open-drain' | 'pwm' | 'adc' | 'unused'; level: 0 | 1; pull?: 'up' | 'down' | null }
  | { kind: 'pwm'; pin: string; freq: number; duty: number }
  | { kind: 'led'; pin: string; on: boolean }
  | { kind: 'neopixel'; pin: string; colors: [number, number, number][] }
  /** A wired part's state (an OLED's pixels, a servo's angle, a sensor's slider values). */
  | { kind: 'part'; id: string; type: BoardPartSpec['type']; state: Record<string, number | string | boolean> };

/** A part wired to the board, as wiring.json lists it. */
export interface BoardPartSpec {
  id: string;
  type: 'ssd1306' | 'lcd1602' | 'dht11' | 'dht22' | 'ds18b20' | 'hcsr04' | 'servo' | 'buzzer' | 'ldr' | 'slide-switch';
  pin?: string;
  trig?: string;
  address?: number;
}

/** An input from the Board panel. */
export type BoardInput =
  /** A button on a pin: pressed drives the pin to `level` (buttons to ground: 0); null releases it. */
  | { kind: 'pin'; pin: string; level: 0 | 1 | null }
  /** A voltage on an analog pin (0..3.3 V). */
  | { kind: 'adc'; pin: string; volts: number }
  /** The simulated environment sensor (BME280) and the chip's own temperature. */
  | { kind: 'sensor'; temperatureC?: number; humidity?: number; pressureHpa?: number }
  /** The parts wired to the board (replaces the wiring before). */
  | { kind: 'wiring'; parts: BoardPartSpec[] }
  /** A control of a wired part ('temperatureC', 'humidity', 'distanceCm', 'lux', 'on'). */
  | { kind: 'part'; id: string; name: string; value: number };

/** Messages from the owner to the worker. */
export type ToWorker =
  | { type: 'input'; input: BoardInput }
  /** A board file was written from the host side (the drive view): CircuitPython auto-reloads. */
  | { type: 'fs-changed'; path: string }
  /** CircuitPython: whether the CIRCUITPY drive is presented to the host (Python writes then fail with EROFS). */
  | { type: 'drive-presented'; presented: boolean };

/** Messages from the worker to the owner. */
export type FromWorker =
  | { type: 'ready'; profile: BoardProfileId; pins: BoardPinInfo[] }
  | { type: 'output'; data: Uint8Array }
  | { type: 'state'; changes: BoardStateChange[] }
  | { type: 'stdin-space' }
  /** machine.reset(): the board's USB port drops and comes back (output before it is flushed first). */
  | { type: 'usb-reset' }
  /** machine.bootloader(): the port drops and the board waits in its bootloader until restarted. */
  | { type: 'bootloader' }
  /** The worker hit an internal error (a VM bug, not a Python exception) and stops. */
  | { type: 'fatal'; message: string };

/** A pin as the Board panel lists it. */
export interface BoardPinInfo {
  /** Name as Python uses it ('GP15', 'LED', 'board.D13'). */
  name: string;
  /** What the panel can attach: a button, a potentiometer, or nothing (LED, NeoPixel). */
  capabilities: ('digital' | 'adc' | 'pwm' | 'led' | 'neopixel')[];
}

/** The byte that interrupts running code, or -1 when none does (SabWord.INTR_CHAR). */
export function interruptChar(words: Int32Array): number {
  return Atomics.load(words, SabWord.INTR_CHAR) - 1;
}

/** Publishes the interrupt character (-1, or anything no byte equals: none). */
export function setInterruptChar(words: Int32Array, c: number): void {
  Atomics.store(words, SabWord.INTR_CHAR, c >= 0 && c <= 0xff ? c + 1 : 0);
}

/** Creates the shared buffer an owner passes in WorkerInit. */
export function createBoardSab(): SharedArrayBuffer {
  return new SharedArrayBuffer(SAB_TOTAL_BYTES);
}

/**
 * The owner's end of stdin: queues bytes into the ring, wakes the worker, and flags Ctrl-C
 * through the INTERRUPT word so a busy worker sees it at its next poll. Bytes that do not fit
 * wait here until the worker reports space ('stdin-space' → call flush()).
 */
export class StdinWriter {
  private readonly words: Int32Array;
  private readonly ring: Uint8Array;
  private pending: Uint8Array[] = [];

  constructor(sab: SharedArrayBuffer) {
    this.words = new Int32Array(sab, 0, SAB_HEADER_BYTES / 4);
    this.ring = new Uint8Array(sab, SAB_HEADER_BYTES, STDIN_RING_BYTES);
  }

  /** Queues bytes for the board. */
  write(data: Uint8Array): void {
    if (data.length === 0) return;
    this.pending.push(data);
    this.flush();
    const intr = this.interruptChar();
    const interrupts = intr >= 0 && data.includes(intr);
    if (interrupts && this.pending.length > 0) {
      // A Ctrl-C that cannot fit: as TinyUSB does, drop what is queued before it.
      const last = lastByte(this.pending, intr);
      this.pending = last ? [last] : this.pending;
      this.flush();
    }
    // 0x03 raises the flag even at a prompt: the command being typed may start before the
    // worker looks, and the worker checks the byte against the interrupt char it then has
    if (interrupts || data.includes(0x03)) {
      Atomics.store(this.words, SabWord.INTERRUPT, 1);
      this.wake();
    }
  }

  /** The byte that interrupts the running program now, or -1 (see SabWord.INTR_CHAR). */
  interruptChar(): number {
    return interruptChar(this.words);
  }

  /** Moves queued bytes into the ring as far as space allows. */
  flush(): void {
    const head = Atomics.load(this.words, SabWord.HEAD) >>> 0;
    const tail = Atomics.load(this.words, SabWord.TAIL) >>> 0;
    let free = STDIN_RING_BYTES - ((head - tail) >>> 0);
    let h = head;
    while (this.pending.length > 0 && free > 0) {
      const chunk = this.pending[0];
      const n = Math.min(free, chunk.length);
      for (let i = 0; i < n; i++) this.ring[(h + i) & (STDIN_RING_BYTES - 1)] = chunk[i];
      h = (h + n) >>> 0;
      free -= n;
      if (n === chunk.length) this.pending.shift();
      else this.pending[0] = chunk.subarray(n);
    }
    if (h !== head) {
      Atomics.store(this.words, SabWord.HEAD, h | 0);
      this.wake();
    }
    Atomics.store(this.words, SabWord.NEED_SPACE, this.pending.length > 0 ? 1 : 0);
  }

  /** The owner took `n` bytes of output from the port: a worker waiting for room to print goes on. */
  outputTaken(n: number): void {
    Atomics.add(this.words, SabWord.OUTPUT_TAKEN, n);
    this.wake();
  }

  /** Wakes a worker blocked in Atomics.wait (sleep, input, idle prompt). */
  wake(): void {
    Atomics.add(this.words, SabWord.WAKE, 1);
    Atomics.notify(this.words, SabWord.WAKE);
  }

  /** The worker's liveness counter (see SabWord.HEARTBEAT). */
  heartbeat(): number {
    return Atomics.load(this.words, SabWord.HEARTBEAT);
  }

  /** Whether Python code is running on the board. */
  busy(): boolean {
    return Atomics.load(this.words, SabWord.BUSY) === 1;
  }
}

function lastByte(chunks: Uint8Array[], c: number): Uint8Array | null {
  for (let i = chunks.length - 1; i >= 0; i--) {
    const at = chunks[i].lastIndexOf(c);
    if (at >= 0) return chunks[i].subarray(at);
  }
  return null;
}

/** The worker's end of stdin. All calls are synchronous; waiting uses Atomics.wait. */
export class StdinReader {
  readonly words: Int32Array;
  private readonly ring: Uint8Array;

  constructor(sab: SharedArrayBuffer) {
    this.words = new Int32Array(sab, 0, SAB_HEADER_BYTES / 4);
    this.ring = new Uint8Array(sab, SAB_HEADER_BYTES, STDIN_RING_BYTES);
  }

  available(): number {
    return (Atomics.load(this.words, SabWord.HEAD) - Atomics.load(this.words, SabWord.TAIL)) >>> 0;
  }

  /** Next byte, or -1 when none is queued. */
  take(): number {
    const tail = Atomics.load(this.words, SabWord.TAIL) >>> 0;
    if (((Atomics.load(this.words, SabWord.HEAD) - tail) >>> 0) === 0) return -1;
    const b = this.ring[tail & (STDIN_RING_BYTES - 1)];
    Atomics.store(this.words, SabWord.TAIL, ((tail + 1) >>> 0) | 0);
    return b;
  }

  /** The current interrupt char, or -1 (see SabWord.INTR_CHAR). */
  interruptChar(): number {
    return interruptChar(this.words);
  }

  /** Sets the interrupt char (-1: none), for the owner too. */
  setInterruptChar(c: number): void {
    setInterruptChar(this.words, c);
  }

  /**
   * Ring position up to which the queued bytes are known to hold no interrupt char (`scannedFor`):
   * queued bytes never change, so each call looks only at what arrived since. A program reading
   * stdin asks before every byte; rescanning a full ring each time made uploads quadratic.
   */
  private scannedTo = 0;
  private scannedFor = -1;

  /** True when a Ctrl-C byte is queued. */
  hasCtrlC(): boolean {
    const c = this.interruptChar();
    if (c < 0) return false;
    const tail = Atomics.load(this.words, SabWord.TAIL) >>> 0;
    const head = Atomics.load(this.words, SabWord.HEAD) >>> 0;
    const known = c === this.scannedFor && ((this.scannedTo - tail) >>> 0) <= ((head - tail) >>> 0);
    for (let i = known ? this.scannedTo : tail; i !== head; i = (i + 1) >>> 0) {
      if (this.ring[i & (STDIN_RING_BYTES - 1)] === c) {
        this.scannedTo = i;
        this.scannedFor = c;
        return true;
      }
    }
    this.scannedTo = head;
    this.scannedFor = c;
    return false;
  }

  /**
   * Drops the queued bytes up to and including the last Ctrl-C (a board's USB stack clears its
   * input buffer when Ctrl-C interrupts running code; bytes sent after it survive here).
   */
  clearThroughLastCtrlC(): void {
    const c = this.interruptChar();
    if (c < 0) return;
    const tail = Atomics.load(this.words, SabWord.TAIL) >>> 0;
    const n = this.available();
    let cut = -1;
    for (let i = 0; i < n; i++) if (this.ring[(tail + i) & (STDIN_RING_BYTES - 1)] === c) cut = i;
    if (cut >= 0) Atomics.store(this.words, SabWord.TAIL, ((tail + cut + 1) >>> 0) | 0);
  }

  /** Reads and clears the owner's Ctrl-C flag. */
  takeInterruptFlag(): boolean {
    return Atomics.exchange(this.words, SabWord.INTERRUPT, 0) !== 0;
  }

  /** Whether the owner waits for ring space (then post 'stdin-space'); clears the flag. */
  takeNeedSpace(): boolean {
    return Atomics.load(this.words, SabWord.NEED_SPACE) === 1 && Atomics.exchange(this.words, SabWord.NEED_SPACE, 0) === 1;
  }

  /** Current WAKE value, to wait on. */
  wakeValue(): number {
    return Atomics.load(this.words, SabWord.WAKE);
  }

  /** Blocks until the owner wakes us or `ms` passes (Infinity: no limit). */
  waitForWake(seen: number, ms: number): void {
    Atomics.wait(this.words, SabWord.WAKE, seen, ms === Infinity ? undefined : Math.max(0, ms));
  }

  /** Output bytes the owner has taken so far (see SabWord.OUTPUT_TAKEN), as a uint32. */
  outputTaken(): number {
    return Atomics.load(this.words, SabWord.OUTPUT_TAKEN) >>> 0;
  }

  beat(): void {
    Atomics.add(this.words, SabWord.HEARTBEAT, 1);
  }

  setBusy(busy: boolean): void {
    Atomics.store(this.words, SabWord.BUSY, busy ? 1 : 0);
  }
}
