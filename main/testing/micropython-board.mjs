// The real MicroPython REPL (WebAssembly build) acting as a board on a pseudo-terminal.
// Run by socat as `EXEC:'node micropython-board.mjs …',pty,raw,echo=0`: stdin/stdout are the
// board's side of the serial line. Plain JS so tests can spawn it without a build step.
//
// What the bridge adds around the unmodified wasm REPL, and why:
// - Ctrl-C while Python runs: the wasm VM is synchronous, so the bridge polls the line from inside
//   the VM's own callbacks (stdout writes and Date.now, which time.sleep/ticks use) and calls
//   mp_sched_keyboard_interrupt, like TinyUSB's RX callback (which also drops the pending input).
//   A tight loop that neither prints nor sleeps cannot be interrupted, as on a board with a dead USB stack.
// - Raw-paste: the wasm port implements it but blocks forever reading stdin, so the bridge speaks
//   the device side of raw-paste (§4) itself (window, flow-control bytes, \x04 acknowledgement)
//   and hands the collected source to the wasm raw REPL as a classic exec. `--raw-paste=no`
//   answers `R\x00` instead, to exercise the client's fallback.
// - sys.stdin (sys.stdin.buffer.read, input()) reads the line, blocking, through the wasm's stdin
//   hook; Ctrl-C there behaves as on TinyUSB unless micropython.kbd_intr(-1) disarmed it. The
//   wasm's own input() spins without reading stdin: the bridge replaces it with a readline-like one.
// - Output is cooked (\n -> \r\n) as a board's stdout is; the wasm print writes bare \n.
// - `--fs DIR` keeps the board's files in DIR across restarts: after every executed command the
//   changed files are written to DIR (host-side atomically), like flash that survives an unplug.
// Options: --fs DIR, --raw-paste=yes|no, --window N, --busy CODE (a program started at power-on).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const args = parseArgs(process.argv.slice(2));
const wasmPath = require.resolve('@micropython/micropython-webassembly-pyscript/micropython.mjs', {
  paths: [process.cwd(), path.dirname(new URL(import.meta.url).pathname)],
});
const { loadMicroPython } = await import(wasmPath);

const SYSTEM_DIRS = new Set(['tmp', 'home', 'dev', 'proc']);
const RAW_BANNER_TEXT = 'raw REPL; CTRL-B to exit\r\n>';
const sleeper = new Int32Array(new SharedArrayBuffer(4));

// A program that neither prints nor sleeps never hands control back, so the main thread cannot
// notice that socat (the plug) is gone. A watchdog thread ends the process when its parent dies.
const watchdog = new Worker(
  `const parent = process.ppid;
   setInterval(() => { if (process.ppid !== parent) process.kill(process.pid, 'SIGKILL'); }, 250);`,
  { eval: true },
);
watchdog.unref();

/** The line is gone: stop at once. (process.exit would try to restore the dead tty's settings and abort noisily.) */
function unplugged() {
  process.kill(process.pid, 'SIGKILL');
}
const sleepMs = (ms) => Atomics.wait(sleeper, 0, 0, ms);

// The line: a second, non-blocking open of our pty so reads never stall the VM.
const inFd = fs.openSync('/proc/self/fd/0', fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOCTTY);
const outFd = 1;
/** Received bytes not yet handed to the REPL or the program: a queue with O(1) shift (uploads queue tens of KiB). */
class ByteQueue {
  buf = new Uint8Array(4096);
  head = 0;
  tail = 0;
  get length() {
    return this.tail - this.head;
  }
  push(bytes) {
    if (this.tail + bytes.length > this.buf.length) {
      const live = this.buf.subarray(this.head, this.tail);
      const next = this.buf.length - this.length >= bytes.length * 2 ? this.buf : new Uint8Array(Math.max(this.buf.length * 2, (this.length + bytes.length) * 2));
      next.set(live, 0);
      this.buf = next;
      this.tail -= this.head;
      this.head = 0;
    }
    this.buf.set(bytes, this.tail);
    this.tail += bytes.length;
  }
  shift() {
    return this.head < this.tail ? this.buf[this.head++] : undefined;
  }
  /** Offset (from the head) of the last `byte`, or -1. */
  lastIndexOf(byte) {
    return this.buf.subarray(this.head, this.tail).lastIndexOf(byte);
  }
  /** Drops the first n bytes. */
  drop(n) {
    this.head = Math.min(this.tail, this.head + n);
  }
  clear() {
    this.head = this.tail = 0;
  }
}
const pending = new ByteQueue();
const readBuf = Buffer.alloc(4096);

let mp;
let busy = false; // true while the wasm REPL is processing a byte (code may be running)
let lastPoll = 0;
let tail = ''; // last output bytes (latin1), to follow the REPL's mode from its prompts
let rawIdle = false; // at the raw REPL's '>' with an empty input buffer
let rawMode = false; // in the raw REPL (idle or not)
let rawCommandBytes = 0;
let swallowOk = 0; // bytes of the classic "OK" to drop after a raw-paste exec
let cookPrevCR = false;
const outQueue = [];
let flushing = false;
let commandsSinceSync = 0;
let rebootRequested = false; // the wasm REPL asked for a soft reset (^D on an empty line)
let outputMuted = false; // while the rebooted VM prints its banner in raw mode

function parseArgs(argv) {
  const out = { fs: null, rawPaste: 'yes', window: 128, busy: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--fs') out.fs = argv[++i];
    else if (a.startsWith('--raw-paste=')) out.rawPaste = a.slice(12);
    else if (a === '--window') out.window = Number(argv[++i]);
    else if (a === '--busy') out.busy = argv[++i];
  }
  return out;
}

function readLine() {
  let n;
  try {
    n = fs.readSync(inFd, readBuf, 0, readBuf.length, null);
  } catch (err) {
    if (err.code === 'EAGAIN') return 0;
    unplugged(); // EIO: the other end of the line is gone
  }
  // 0 bytes from a non-blocking pty means hang-up (socat is gone, the plug was pulled): leave,
  // or this process would spin forever as an orphan.
  if (n === 0 || process.ppid === 1) unplugged();
  pending.push(readBuf.subarray(0, n));
  return n;
}

/** Called from inside the VM: picks up Ctrl-C while Python code runs. */
function pollForInterrupt() {
  const now = realNow();
  if (!busy || now - lastPoll < 2) return;
  lastPoll = now;
  flushOut();
  readLine();
  const at = pending.lastIndexOf(3);
  if (at >= 0 && mp._module._mp_hal_get_interrupt_char() === 3) {
    pending.drop(at + 1); // TinyUSB clears the whole stdin ring on ^C
    mp._module._mp_sched_keyboard_interrupt();
  }
}

const realNow = Date.now.bind(Date);
Date.now = () => {
  pollForInterrupt();
  return realNow();
};

function writeOut(bytes) {
  if (bytes !== undefined && outQueue.length && bytes.length && !flushing) {
    flushing = true;
    flushOut();
    flushing = false;
  }
  let off = 0;
  while (off < bytes.length) {
    try {
      off += fs.writeSync(outFd, bytes, off, bytes.length - off);
    } catch (err) {
      if (err.code === 'EAGAIN') sleepMs(1);
      else unplugged();
    }
  }
}

function onStdout(data) {
  if (outputMuted) return;
  let bytes = Buffer.from(data);
  if (swallowOk > 0) {
    const n = Math.min(swallowOk, bytes.length);
    swallowOk -= n;
    bytes = bytes.subarray(n);
  }
  // cook \n -> \r\n, as mp_hal_stdout_tx_strn_cooked does on a board
  const cooked = [];
  for (const b of bytes) {
    if (b === 10 && !cookPrevCR) cooked.push(13);
    cooked.push(b);
    cookPrevCR = b === 13;
  }
  for (const c of cooked) outQueue.push(c);
  trackMode(cooked);
  if (outQueue.length >= 4096) flushOut();
  pollForInterrupt();
}

/** Sends queued output: the wasm hands it over one byte per call; a USB board sends packets. */
function flushOut() {
  if (outQueue.length === 0) return;
  const out = Buffer.from(outQueue);
  outQueue.length = 0;
  writeOut(out);
}

function trackMode(bytes) {
  for (const b of bytes) {
    tail += String.fromCharCode(b);
    if (tail.length > 64) tail = tail.slice(-32);
    if (b === 0x3e && (tail.endsWith(RAW_BANNER_TEXT) || tail.endsWith('\x04>'))) {
      rawIdle = true;
      rawMode = true;
      rawCommandBytes = 0;
      commandsSinceSync++;
    } else if (b === 0x20 && tail.endsWith('>>> ')) {
      rawIdle = false;
      rawMode = false;
      commandsSinceSync++;
    }
  }
}

function feed(byte) {
  if (rawIdle) {
    if (byte === 4) rawIdle = false; // exec (or soft reset): idle again at the next prompt
    else rawCommandBytes++;
  }
  busy = true;
  try {
    if (mp.replProcessChar(byte) !== 0) rebootRequested = true;
  } finally {
    busy = false;
  }
}

function takeByte() {
  flushOut();
  let spins = 0;
  while (pending.length === 0) {
    // poll hard for a moment (a USB board answers within a frame), then sleep
    if (readLine() === 0 && ++spins > 2000) sleepMs(1);
  }
  return pending.shift();
}

/**
 * sys.stdin for the running program (input(), sys.stdin.buffer.read): the next byte from the line,
 * waiting for it. With the interrupt char armed, Ctrl-C drops the queued input and schedules
 * KeyboardInterrupt, as TinyUSB does; the read then ends early (EOF) and the exception follows.
 */
function stdinByte() {
  const b = takeByte();
  if (b === 3 && mp._module._mp_hal_get_interrupt_char() === 3) {
    pending.clear();
    mp._module._mp_sched_keyboard_interrupt();
    return null;
  }
  return b;
}

/** The device side of raw-paste (§4), entered after \x05 'A' \x01 at an empty raw prompt. */
function rawPaste() {
  if (args.rawPaste === 'no') {
    writeOut(Buffer.from('R\x00', 'latin1'));
    return;
  }
  const win = args.window;
  writeOut(Buffer.from([0x52, 0x01, win & 0xff, win >> 8, 0x01]));
  const source = [];
  let sinceAck = 0;
  for (;;) {
    const b = takeByte();
    if (b === 4) break;
    if (b === 3) {
      writeOut(Buffer.from([4]));
      runRawSource(Buffer.from('raise KeyboardInterrupt'));
      return;
    }
    source.push(b);
    if (++sinceAck === win) {
      sinceAck = 0;
      writeOut(Buffer.from([1]));
    }
  }
  writeOut(Buffer.from([4])); // all data received
  runRawSource(Buffer.from(source));
}

function runRawSource(source) {
  rawIdle = false;
  swallowOk = 2;
  for (const b of source) feed(b);
  feed(4);
}

function processPending() {
  while (pending.length > 0 && !rebootRequested) {
    const b = pending.shift();
    if (rawIdle && rawCommandBytes === 0 && b === 5) {
      // possible raw-paste request: needs 'A' then \x01
      const a = takeByte();
      const c = a === 0x41 ? takeByte() : -1;
      if (a === 0x41 && c === 1) {
        rawPaste();
        continue;
      }
      feed(b);
      feed(a);
      if (c >= 0) feed(c);
      continue;
    }
    feed(b);
  }
}

// #region filesystem persistence
let snapshot = new Map(); // board path -> mtime:size

function walkBoard(dir, visit) {
  for (const name of mp.FS.readdir(dir)) {
    if (name === '.' || name === '..') continue;
    if (dir === '/' && SYSTEM_DIRS.has(name)) continue;
    const full = dir === '/' ? `/${name}` : `${dir}/${name}`;
    const st = mp.FS.stat(full);
    const isDir = mp.FS.isDir(st.mode);
    visit(full, isDir, st);
    if (isDir) walkBoard(full, visit);
  }
}

function loadFs(hostDir) {
  fs.mkdirSync(hostDir, { recursive: true });
  const copyIn = (host, board) => {
    for (const ent of fs.readdirSync(host, { withFileTypes: true })) {
      if (ent.name.startsWith('.mote-sync-')) continue;
      const b = board === '/' ? `/${ent.name}` : `${board}/${ent.name}`;
      const h = path.join(host, ent.name);
      if (ent.isDirectory()) {
        try { mp.FS.mkdir(b); } catch { /* exists */ }
        copyIn(h, b);
      } else {
        mp.FS.writeFile(b, fs.readFileSync(h));
      }
    }
  };
  copyIn(hostDir, '/');
  snapshot = takeSnapshot();
}

function takeSnapshot() {
  const snap = new Map();
  walkBoard('/', (p, isDir, st) => snap.set(p, isDir ? 'dir' : `${st.mtime.getTime()}:${st.size}:${st.ino}`));
  return snap;
}

function syncFs(hostDir) {
  const now = takeSnapshot();
  for (const [p, sig] of now) {
    if (snapshot.get(p) === sig) continue;
    const h = path.join(hostDir, p);
    if (sig === 'dir') fs.mkdirSync(h, { recursive: true });
    else {
      const tmp = path.join(hostDir, `.mote-sync-${process.pid}`);
      fs.writeFileSync(tmp, mp.FS.readFile(p));
      fs.renameSync(tmp, h);
    }
  }
  const removed = [...snapshot.keys()].filter((p) => !now.has(p)).sort().reverse();
  for (const p of removed) fs.rmSync(path.join(hostDir, p), { recursive: true, force: true });
  snapshot = now;
}
// #endregion

/**
 * input() as a board's readline has it (shared/readline): printable ASCII is echoed and kept
 * (other bytes are dropped, as there), backspace erases, Enter ends the line, Ctrl-D on an empty
 * line raises EOFError. Ctrl-C reaches it as the scheduled KeyboardInterrupt; the short loop
 * gives that a place to be raised before EOFError would be.
 */
const INPUT_PY = `
def _mote_input(prompt=''):
    import sys
    w = sys.stdout.write
    r = sys.stdin.buffer.read
    w(str(prompt))
    line = ''
    while True:
        c = r(1)
        if not c:
            for _ in range(2):
                pass
            raise EOFError
        c = c[0]
        if c == 13:
            w('\\r\\n')
            return line
        if c == 4 and not line:
            raise EOFError
        if c in (8, 127):
            if line:
                line = line[:-1]
                w('\\x08\\x1b[K')
        elif 32 <= c <= 126:
            line += chr(c)
            w(chr(c))
import builtins
builtins.input = _mote_input
del builtins, _mote_input
`;

/** A fresh wasm VM wired to the line; its own input() spins without reading stdin, so ours replaces it. */
async function bootVm() {
  const vm = await loadMicroPython({ stdout: onStdout, stdin: stdinByte, linebuffer: false, heapsize: 4 * 1024 * 1024 });
  vm.runPython(INPUT_PY);
  return vm;
}

/**
 * Soft reset (§2.5/§3.2): a fresh VM with the same files. From the raw REPL the board comes back
 * in raw mode without running main.py; from the friendly REPL main.py runs, then the banner.
 */
async function softReboot() {
  const wasRaw = rawMode;
  writeOut(Buffer.from('MPY: soft reboot\r\n'));
  const files = [];
  walkBoard('/', (p, isDir) => files.push([p, isDir, isDir ? null : mp.FS.readFile(p)]));
  const next = await bootVm();
  for (const [p, isDir, data] of files) {
    if (isDir) next.FS.mkdir(p);
    else next.FS.writeFile(p, data);
  }
  mp = next;
  rebootRequested = false;
  if (wasRaw) {
    outputMuted = true;
    mp.replInit();
    outputMuted = false;
    tail = '';
    writeOut(Buffer.from('raw REPL; CTRL-B to exit\r\n>'));
    outputMuted = true;
    feed(1);
    outputMuted = false;
    rawIdle = true;
    rawCommandBytes = 0;
    return;
  }
  if (files.some(([p]) => p === '/main.py')) {
    busy = true;
    try {
      mp.runPython(new TextDecoder().decode(mp.FS.readFile('/main.py')));
    } catch (err) {
      writeOut(Buffer.from(`Traceback (most recent call last):\r\n  File "main.py"\r\n${String(err.message ?? err).trim()}\r\n`));
    } finally {
      busy = false;
    }
  }
  mp.replInit();
}

mp = await bootVm();
if (args.fs) loadFs(args.fs);
mp.replInit();
if (args.busy) {
  // a main.py that keeps the board busy from power-on; runs until interrupted
  const code = Buffer.from(`exec(${JSON.stringify(args.busy)})\r`);
  for (const b of code) feed(b);
}

for (;;) {
  if (readLine() === 0 && pending.length === 0) {
    sleepMs(2);
    continue;
  }
  processPending();
  flushOut();
  if (rebootRequested) await softReboot();
  flushOut();
  if (args.fs && commandsSinceSync > 0) {
    commandsSinceSync = 0;
    syncFs(args.fs);
  }
}
