// The board side of the serial protocol, as MicroPython's pyexec.c and CircuitPython's main.c
// behave: friendly REPL, paste mode, raw REPL, raw-paste with window flow control, soft reset,
// boot.py/main.py (MicroPython) and code.py with "Code done running." (CircuitPython).
// Pure state machine: fed one byte at a time, writes bytes to a ReplOutput; code runs inside feed().

import { continueWithInput, CTRL_A, CTRL_B, CTRL_C, CTRL_D, CTRL_E, Readline } from './readline';
import type { ReplEngine, ReplIdentity, ReplOutput, RunResult } from './engine';

const PS1 = '>>> ';
const PS2 = '... ';
const RAW_BANNER = 'raw REPL; CTRL-B to exit\r\n';
const CP_CODE_FILES = ['code.txt', 'code.py', 'main.py', 'main.txt'];

/** Which input the board is waiting for. */
export type ReplMode = 'friendly' | 'paste' | 'raw' | 'raw-paste' | 'press-any-key' | 'bootloader';

export class BoardRepl {
  private mode: ReplMode = 'friendly';
  private contLine = false;
  private readonly rl: Readline;
  /** Raw REPL line buffer and paste-mode buffer: one char per byte. */
  private buf = '';
  private pasteRemain = 0;
  private reloadRequested = false;
  /** True while CircuitPython's code.py (not a REPL line) runs: auto-reload may stop it. */
  runningCodeFile = false;

  constructor(
    private readonly engine: ReplEngine,
    private readonly out: ReplOutput,
    private readonly id: ReplIdentity,
  ) {
    this.rl = new Readline({ write: (s) => out.raw(s), complete: (t) => engine.complete(t) });
  }

  get currentMode(): ReplMode {
    return this.mode;
  }

  get isCircuitPython(): boolean {
    return this.id.flavour === 'circuitpython';
  }

  /** Power-on (hard reset): boot.py, then main.py or code.py, then the REPL or the wait state. */
  powerOn(): void {
    if (this.isCircuitPython) {
      this.runCircuitPythonBoot();
      this.runCircuitPythonCode();
    } else {
      this.startMicroPython(false);
    }
  }

  /** CircuitPython auto-reload (a file was written from the host side). Returns true if it acted now. */
  requestAutoReload(): boolean {
    if (!this.isCircuitPython) return false;
    if (this.mode === 'press-any-key') {
      this.out.raw('soft reboot\r\n');
      this.engine.reset();
      this.runCircuitPythonCode();
      return true;
    }
    return false;
  }

  /** Marks that running code is being stopped by auto-reload (the host then interrupts it). */
  markReloadInterrupt(): void {
    this.reloadRequested = true;
  }

  /** One byte from the serial line. */
  feed(c: number): void {
    switch (this.mode) {
      case 'friendly':
        return this.friendlyChar(c);
      case 'paste':
        return this.pasteChar(c);
      case 'raw':
        return this.rawChar(c);
      case 'raw-paste':
        return this.rawPasteChar(c);
      case 'press-any-key':
        return this.pressAnyKeyChar(c);
      case 'bootloader':
        return; // the serial port is gone: nothing reaches the board until it powers on again
    }
  }

  // #region friendly REPL (pyexec_friendly_repl_process_char)

  private friendlyChar(c: number): void {
    const ret = this.rl.processChar(c);
    if (!this.contLine) {
      if (ret === CTRL_A) {
        this.out.raw('\r\n');
        if (this.isCircuitPython) this.engine.reset();
        this.enterRaw();
        return;
      } else if (ret === CTRL_B) {
        this.out.raw('\r\n');
        this.printBanner();
        return this.inputRestart();
      } else if (ret === CTRL_C) {
        this.out.raw('\r\n');
        return this.inputRestart();
      } else if (ret === CTRL_D) {
        this.out.raw('\r\n');
        return this.softReset(false);
      } else if (ret === CTRL_E) {
        this.out.raw('\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ');
        this.buf = '';
        this.mode = 'paste';
        return;
      }
      // (the blocking readline of a real board only returns on Enter or a control key)
      if (ret < 0) return;
      if (this.rl.line.length === 0) return this.inputRestart();
      if (!continueWithInput(this.rl.line)) return this.execLine();
      this.rl.line += '\n';
      this.contLine = true;
      this.rl.noteNewline(PS2);
      return;
    }
    if (ret === CTRL_C) {
      this.out.raw('\r\n');
      this.contLine = false;
      return this.inputRestart();
    } else if (ret === CTRL_D) {
      return this.execLine();
    }
    if (ret < 0) return;
    if (continueWithInput(this.rl.line)) {
      this.rl.line += '\n';
      this.rl.noteNewline(PS2);
      return;
    }
    this.execLine();
  }

  private execLine(): void {
    const r = this.engine.run(decodeBytes(this.rl.line), 'single', '<stdin>');
    if (this.afterFriendlyRun(r)) this.inputRestart();
  }

  /** Prints a run's error; returns false when the board soft-reset instead (SystemExit). */
  private afterFriendlyRun(r: RunResult): boolean {
    if (r.kind === 'error') this.out.text(r.text);
    if (r.kind === 'exit') {
      if (r.hard) this.hardReset(r.bootloader);
      else this.softReset(false);
      return false;
    }
    return true;
  }

  private inputRestart(): void {
    this.contLine = false;
    this.mode = 'friendly';
    this.rl.init('', PS1);
  }

  private pasteChar(c: number): void {
    if (c === CTRL_C) {
      this.out.raw('\r\n');
      return this.inputRestart();
    }
    if (c === CTRL_D) {
      this.out.raw('\r\n');
      const r = this.engine.run(normaliseNewlines(decodeBytes(this.buf)), 'exec', '<stdin>');
      if (this.afterFriendlyRun(r)) this.inputRestart();
      return;
    }
    this.buf += String.fromCharCode(c);
    this.out.raw(c === 0x0d ? '\r\n=== ' : String.fromCharCode(c));
  }

  private printBanner(): void {
    this.out.raw(this.id.bannerLine + '\r\n');
    if (!this.isCircuitPython) this.out.raw('Type "help()" for more information.\r\n');
  }

  // #endregion

  // #region raw REPL and raw-paste (pyexec_raw_repl, do_reader_stdin)

  private enterRaw(): void {
    this.out.raw(RAW_BANNER + '>');
    this.buf = '';
    this.mode = 'raw';
  }

  private rawChar(c: number): void {
    if (c === CTRL_A) {
      if (this.buf.length === 2 && this.buf.charCodeAt(0) === CTRL_E) return this.rawPasteStart(this.buf[1]);
      return this.enterRaw();
    } else if (c === CTRL_B) {
      this.out.raw('\r\n');
      this.buf = '';
      if (this.isCircuitPython) this.engine.reset();
      this.printBanner();
      return this.inputRestart();
    } else if (c === CTRL_C) {
      this.buf = '';
      return;
    } else if (c !== CTRL_D) {
      this.buf += String.fromCharCode(c);
      return;
    }
    this.out.raw('OK');
    if (this.buf.length === 0) {
      this.out.raw('\r\n');
      return this.softReset(true);
    }
    const source = decodeBytes(this.buf);
    this.buf = '';
    this.rawRunAndFrame(source);
  }

  private rawRunAndFrame(source: string): void {
    const r = this.engine.run(normaliseNewlines(source), 'exec', '<stdin>');
    // a real board never finishes a command that resets it: its port drops after "OK"
    if (r.kind === 'exit' && r.hard) return this.hardReset(r.bootloader);
    this.out.raw('\x04');
    if (r.kind === 'error') this.out.text(r.text);
    this.out.raw('\x04');
    if (r.kind === 'exit') return this.softReset(true);
    this.buf = '';
    this.out.raw('>');
  }

  private rawPasteStart(command: string): void {
    this.buf = '';
    if (command !== 'A') {
      this.out.raw('R\x00>');
      return;
    }
    const w = this.id.rawPasteWindow;
    this.out.raw('R\x01' + String.fromCharCode(w & 0xff, w >> 8) + '\x01');
    this.pasteRemain = w;
    this.mode = 'raw-paste';
  }

  private rawPasteChar(c: number): void {
    if (c === CTRL_C || c === CTRL_D) {
      this.out.raw('\x04');
      this.mode = 'raw';
      const source = this.buf;
      this.buf = '';
      if (c === CTRL_C) {
        this.out.raw('\x04');
        this.out.text('KeyboardInterrupt: \n');
        this.out.raw('\x04>');
        return;
      }
      return this.rawRunAndFrame(decodeBytes(source));
    }
    this.buf += String.fromCharCode(c);
    if (--this.pasteRemain === 0) {
      this.out.raw('\x01');
      this.pasteRemain = this.id.rawPasteWindow;
    }
  }

  // #endregion

  // #region resets and start-up

  /** Soft reset; the caller already printed what precedes the reboot line ('\r\n' or 'OK\r\n'). */
  private softReset(raw: boolean): void {
    if (this.isCircuitPython) {
      this.out.raw('soft reboot\r\n');
      this.engine.reset();
      if (raw) return this.enterRaw();
      return this.runCircuitPythonCode();
    }
    this.out.text('MPY: soft reboot\n');
    this.engine.reset();
    this.startMicroPython(raw);
  }

  /** ports/rp2/main.c after soft_reset: boot.py, main.py unless in raw mode, then the REPL. */
  private startMicroPython(raw: boolean): void {
    const boot = this.runFileIfExists('boot.py');
    if (boot.kind === 'exit') return boot.hard ? this.hardReset(boot.bootloader) : this.softResetAgain(raw);
    if (!raw) {
      const main = this.runFileIfExists('main.py');
      if (main.kind === 'exit') return main.hard ? this.hardReset(main.bootloader) : this.softResetAgain(raw);
    }
    if (raw) return this.enterRaw();
    this.printBanner();
    this.inputRestart();
  }

  /** machine.reset(): the board powers on again (a real one drops off USB for a moment).
   *  machine.bootloader(): it leaves for the bootloader, silent until the owner powers it on. */
  private hardReset(bootloader = false): void {
    if (bootloader && this.out.enterBootloader) {
      this.engine.reset(true);
      this.mode = 'bootloader';
      this.out.enterBootloader();
      return;
    }
    this.out.portDrop?.();
    this.engine.reset(true);
    this.mode = 'friendly';
    this.powerOn();
  }

  private softResetAgain(raw: boolean): void {
    this.out.text('MPY: soft reboot\n');
    this.engine.reset();
    // A boot.py or main.py that always exits would spin forever on a real board; here the
    // second round skips the files so the board stays reachable.
    if (raw) return this.enterRaw();
    this.printBanner();
    this.inputRestart();
  }

  private runFileIfExists(path: string): RunResult {
    const source = this.engine.readFile(path);
    if (source === null) return { kind: 'ok' };
    const r = this.engine.run(normaliseNewlines(source), 'exec', path);
    if (r.kind === 'error') this.out.text(r.text);
    return r;
  }

  private runCircuitPythonBoot(): void {
    const lines = [this.id.bannerLine, ...this.id.bootOutExtra];
    const source = this.engine.readFile('boot.py');
    let text = lines.join('\n') + '\n';
    if (source !== null) {
      // boot.py output goes to boot_out.txt on a real board, not to the console
      const captured: string[] = [];
      const r = this.engine.run(normaliseNewlines(source), 'exec', 'boot.py', (t) => captured.push(t));
      if (r.kind === 'error') captured.push(r.text);
      text += '\nboot.py output:\n' + captured.join('');
    }
    this.engine.writeFile('boot_out.txt', text);
  }

  /** CircuitPython main.c: run the code file, then "Code done running." and the wait state. */
  private runCircuitPythonCode(): void {
    const file = CP_CODE_FILES.find((f) => this.engine.readFile(f) !== null);
    if (file) {
      this.out.raw(`\x1b]0;\u00f0\u009f\u0090\u008d${file} | ${this.id.versionTag}\x1b\\`);
      this.out.raw('\x1b[2K\x1b[0G');
      this.out.text(`${file} output:\n`);
      this.runningCodeFile = true;
      const r = this.engine.run(normaliseNewlines(this.engine.readFile(file) ?? ''), 'exec', file);
      this.runningCodeFile = false;
      if (r.kind === 'exit' && r.hard) return this.hardReset();
      if (r.kind === 'exit') {
        this.out.raw('soft reboot\r\n');
        this.engine.reset();
        return this.runCircuitPythonCode();
      }
      if (this.reloadRequested) {
        this.reloadRequested = false;
        this.out.text('\nCode stopped by auto-reload. Reloading soon.\n');
        this.out.raw('soft reboot\r\n');
        this.engine.reset();
        return this.runCircuitPythonCode();
      }
      if (r.kind === 'error') this.out.text(r.text);
      this.out.text('\nCode done running.\n');
    }
    this.out.raw('\x1b[2K\x1b[0G');
    this.out.text('Auto-reload is on. Simply save files over USB to run them or enter REPL to disable.\n');
    this.out.text('\nPress any key to enter the REPL. Use CTRL-D to reload.\n');
    this.mode = 'press-any-key';
  }

  private pressAnyKeyChar(c: number): void {
    if (c === CTRL_D) {
      this.out.raw('soft reboot\r\n');
      this.engine.reset();
      return this.runCircuitPythonCode();
    }
    this.engine.reset();
    // CircuitPython runs repl.py (if present) each time the REPL is entered
    const r = this.runFileIfExists('repl.py');
    if (r.kind === 'exit' && r.hard) return this.hardReset();
    this.out.raw('\r\n');
    this.printBanner();
    this.inputRestart();
  }

  // #endregion
}

/** Bytes (one char per byte) to text, as the lexer reads UTF-8 source. */
export function decodeBytes(bytes: string): string {
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) return bytes;
  const arr = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) arr[i] = bytes.charCodeAt(i);
  return utf8Decode(arr);
}

/** UTF-8 to string (vm/ has no TextDecoder); malformed bytes become U+FFFD. */
export function utf8Decode(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    let cp = 0xfffd;
    let n = 1;
    if (c < 0x80) cp = c;
    else if (c >= 0xc2 && c < 0xe0 && (b[i + 1] & 0xc0) === 0x80) {
      cp = ((c & 0x1f) << 6) | (b[i + 1] & 0x3f);
      n = 2;
    } else if (c >= 0xe0 && c < 0xf0 && (b[i + 1] & 0xc0) === 0x80 && (b[i + 2] & 0xc0) === 0x80) {
      cp = ((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f);
      n = 3;
    } else if (c >= 0xf0 && c < 0xf5 && (b[i + 1] & 0xc0) === 0x80 && (b[i + 2] & 0xc0) === 0x80 && (b[i + 3] & 0xc0) === 0x80) {
      cp = ((c & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f);
      n = 4;
    }
    s += String.fromCodePoint(cp);
    i += n;
  }
  return s;
}


/** The lexer's view of line ends: '\r\n' and a lone '\r' both end a line. */
export function normaliseNewlines(s: string): string {
  return s.indexOf('\r') < 0 ? s : s.replace(/\r\n?/g, '\n');
}
