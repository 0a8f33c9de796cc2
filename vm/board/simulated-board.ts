// SimulatedBoard puts a board together: the Python VM, the simulated hardware and its bindings,
// the board filesystem and the REPL protocol. It is the REPL's engine (run, reset, files) and
// the host's hooks (soft IRQs, published state, CircuitPython auto-reload). No Node, no worker:
// the thread it runs in is hidden behind BoardHost.

import type { HostIO } from '../host-io';
import type { PyObj, PyType } from '../objects/object';
import { PyRaise } from '../objects/exception';
import { latin1 } from '../objects/bytes';
import { BoardRepl } from '../repl/board-repl';
import type { ReplEngine, RunResult } from '../repl/engine';
import { completeFromCandidates, CTRL_C, CTRL_D, Readline, type Completion } from '../repl/readline';
import { decodeBytes } from '../repl/board-repl';
import { setErrnoNames, str } from '../runtime/ops';
import { ERRNO_NAMES } from '../modules/errno';
import type { BoardHost } from './board-host';
import { BOOTLOADER_MARK, HARD_RESET_MARK, type BoardContext } from './context';
import { SimBoard, type SimInput } from './sim/sim-board';
import { bannerLine, type BoardProfile } from './profiles/profile';
import { makeMachineModules } from './machine/machine';
import { makeBoardModule, makeMicrocontroller } from './circuitpython/microcontroller';
import { makeAnalogio, makeDigitalio, makePwmio } from './circuitpython/io';
import { makeBusio } from './circuitpython/busio';
import { makeNeopixel } from './circuitpython/neopixel';
import { makeNeopixelWrite } from './circuitpython/neopixel-write';
import { makeRainbowio } from './circuitpython/rainbowio';
import { makeAdafruitPixelbuf } from './circuitpython/adafruit-pixelbuf';
import { makeStorage, makeSupervisor, RELOAD_MARK } from './circuitpython/supervisor';
import { fn, instance, raise } from './py';
import { makeHelp, moduleList } from './help';
import { FrozenOverlayFs } from './frozen-fs';
import { ADAFRUIT_BUS_DEVICE } from './frozen/adafruit-bus-device';
import { MICROPYTHON_DRIVERS } from './frozen/micropython-drivers';

/** The Python VM as the board drives it (structurally what vm/index.ts's Interpreter offers). */
export interface PythonVm {
  exec(source: string, filename?: string, mode?: 'exec' | 'single'): unknown;
  formatException(exc: PyRaise): string;
  isSystemExit(e: unknown): boolean;
  isKeyboardInterrupt(e: unknown): boolean;
  schedule(fn: PyObj, arg: PyObj): unknown;
  readByte(): number;
  call(fn: PyObj, ...args: PyObj[]): PyObj;
  registerModule(name: string, factory: () => PyObj, opts?: { fallback?: boolean }): void;
  completions(text: string): string[];
  globals(): Record<string, PyObj>;
}

/** Creates a fresh interpreter for the board (called at power-on and every soft reset). */
export type VmFactory = (host: HostIO, profile: BoardProfile) => PythonVm;

/** The board's files as the board itself (not Python) uses them. */
export interface BoardFiles {
  readText(path: string): string | null;
  writeFileDirect(path: string, text: string): void;
  closeAll(): void;
  readOnly: boolean;
}

const AUTORELOAD_DELAY_MS = 750;

/** CircuitPython's OSError texts (py/moderrno.c errno_error_text). */
const CIRCUITPY_ERRNO_TEXT: Record<number, string> = {
  1: 'Operation not permitted',
  2: 'No such file/directory',
  5: 'Input/output error',
  13: 'Permission denied',
  17: 'File exists',
  19: 'No such device',
  22: 'Invalid argument',
  28: 'No space left on device',
  30: 'Read-only filesystem',
};

export class SimulatedBoard implements ReplEngine {
  readonly hal: SimBoard;
  readonly repl: BoardRepl;
  private vm!: PythonVm;
  private running = false;
  private capture: ((text: string) => void) | null = null;
  /** What RTC.datetime(t) set the clock to, as an offset from the host's clock. */
  private clockOffsetMs = 0;
  private readonly ctx: BoardContext;
  private reloadAt: number | null = null;
  private presented: boolean;
  private pythonWritable: boolean;
  private readonly vmHost: HostIO;
  /** Owner messages (panel inputs, file changes) arriving while the board waits or polls. */
  onMessage: ((msg: unknown) => void) | null = null;

  constructor(
    readonly profile: BoardProfile,
    private readonly host: BoardHost,
    private readonly files: BoardFiles,
    private readonly makeVm: VmFactory,
  ) {
    this.hal = new SimBoard(profile, () => host.monotonicMs());
    // CircuitPython: the CIRCUITPY drive starts hidden (like a board without USB mass storage),
    // so REPL-based tools can write; the owner presents it with setDrivePresented(true).
    this.presented = false;
    this.pythonWritable = true;
    this.files.readOnly = !this.pythonWritable;
    const isPresented = () => this.presented;
    const isWritable = () => this.pythonWritable;
    this.ctx = {
      hal: this.hal,
      profile,
      softIrq: (fn, arg) => this.softIrq(fn, arg),
      wallMs: () => host.wallMs() + this.clockOffsetMs,
      setWallMs: (ms) => { this.clockOffsetMs = ms - host.wallMs(); },
      mainGlobals: () => this.vm.globals(),
      storage: {
        get presented() {
          return isPresented();
        },
        get pythonWritable() {
          return isWritable();
        },
        setPythonWritable: (w) => {
          this.pythonWritable = w;
          this.files.readOnly = !w;
        },
        inBoot: false,
      },
      autoreload: true,
      get bootloader() {
        return host.enterBootloader !== undefined;
      },
    };
    // The VM's view of the host: output can be captured (CircuitPython's boot.py goes to boot_out.txt).
    this.vmHost = {
      write: (t) => (this.capture ? this.capture(t) : host.write(t)),
      writeBytes: (b) => (this.capture ? this.capture(latin1(b)) : host.raw(latin1(b))),
      readByte: () => host.readByte(),
      stdinReady: host.stdinReady ? (ms) => host.stdinReady!(ms) : undefined,
      wait: (ms) => host.wait(ms),
      poll: () => host.poll(),
      setInterruptChar: (c) => host.setInterruptChar?.(c),
      monotonicMs: () => host.monotonicMs(),
      wallMs: () => host.wallMs() + this.clockOffsetMs,
      fs: host.fs ? new FrozenOverlayFs(host.fs, profile.flavour === 'circuitpython' ? ADAFRUIT_BUS_DEVICE : MICROPYTHON_DRIVERS) : host.fs,
    };
    this.newVm();
    this.repl = new BoardRepl(this, host, {
      flavour: profile.flavour,
      bannerLine: bannerLine(profile),
      versionTag: profile.versionTag,
      bootOutExtra: [`Board ID:${profile.boardId}`, `UID:${profile.uniqueId.map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join('')}`],
      rawPasteWindow: profile.rawPasteWindow,
    });
    host.attach({
      service: (running) => this.service(running),
      msUntilNextEvent: () => this.msUntilNextEvent(),
      message: (m) => this.onMessage?.(m),
    });
  }

  /** Powers the board on and serves the REPL until the input ends. */
  runLoop(): void {
    this.repl.powerOn();
    for (;;) {
      const b = this.host.readIdle();
      if (b < 0) return;
      this.repl.feed(b);
    }
  }

  // #region ReplEngine

  run(source: string, mode: 'exec' | 'single', filename: string, capture?: (text: string) => void): RunResult {
    this.capture = capture ?? null;
    this.ctx.storage.inBoot = this.profile.flavour === 'circuitpython' && filename === 'boot.py';
    this.running = true;
    this.host.setRunning(true);
    // what the REPL said before the code runs (raw-paste's end-of-data \x04) goes out now, as a
    // board's would: code that blocks in one long call must not hold the client's protocol up
    this.host.flush();
    try {
      this.vm.exec(source, filename, mode);
      return { kind: 'ok' };
    } catch (e) {
      return this.outcome(e);
    } finally {
      this.running = false;
      this.host.setRunning(false);
      this.capture = null;
      this.ctx.storage.inBoot = false;
      this.host.flush();
    }
  }

  complete(text: string): Completion {
    // As mp_repl_autocomplete: right after "import " at the start of the line, the word completes
    // from the built-in module names (`import mach` + Tab gives `import machine`).
    const importing = /^import\s+([A-Za-z0-9_]*)$/.exec(text);
    if (importing) return this.completion(completeFromCandidates(importing[1]!, moduleList(this.profile).filter((n) => n !== '__main__'), false));
    // scan back to the start of the "a.b.c" chain
    let i = text.length;
    while (i > 0 && /[A-Za-z0-9_.]/.test(text[i - 1])) i--;
    const chain = text.slice(i);
    const dot = chain.lastIndexOf('.');
    const partial = chain.slice(dot + 1);
    // As mp_repl_autocomplete: a first word completes from __main__'s globals only (not builtins).
    const names = chain === '' ? [] : dot < 0 ? Object.keys(this.vm.globals()).sort() : this.vm.completions(chain);
    return this.completion(completeFromCandidates(partial, names, i === 0 && dot < 0));
  }

  /** A completion as the line editor takes it: text to insert, or candidates printed below. */
  private completion(r: { insert?: string; list?: string } | null): Completion {
    if (!r) return null;
    if (r.list !== undefined) {
      this.host.text(r.list);
      return 'listed';
    }
    return { insert: r.insert! };
  }

  reset(powerOn = false): void {
    // the RTC runs on through a soft reset; at power-on the board takes the computer's time again
    // (a Pico starts at 2021-01-01; starting at the host's time spares a sync, e.g. for logging)
    if (powerOn) this.clockOffsetMs = 0;
    this.files.closeAll();
    this.hal.reset();
    this.reloadAt = null;
    this.newVm();
  }

  readFile(path: string): string | null {
    return this.files.readText(path);
  }

  writeFile(path: string, text: string): void {
    this.files.writeFileDirect(path, text);
  }

  // #endregion

  // #region owner inputs

  applyInput(input: SimInput): void {
    this.hal.applyInput(input);
  }

  /** A file changed on the host side: CircuitPython reloads 750 ms after the last write. */
  fileChanged(): void {
    if (this.profile.flavour !== 'circuitpython' || !this.ctx.autoreload) return;
    this.reloadAt = this.host.monotonicMs() + AUTORELOAD_DELAY_MS;
  }

  setDrivePresented(presented: boolean): void {
    if (this.profile.flavour !== 'circuitpython') return;
    this.presented = presented;
    this.ctx.storage.setPythonWritable(!presented);
  }

  // #endregion

  private newVm(): void {
    this.vm = this.makeVm(this.vmHost, this.profile);
    // How OSError prints its errno differs per flavour ("[Errno 2] ENOENT" vs CircuitPython's
    // "[Errno 2] No such file/directory"). The VM keeps one table per process (no per-interpreter
    // setting yet), and a worker runs one board, so it is set here for each fresh interpreter.
    setErrnoNames(this.profile.flavour === 'circuitpython' ? { ...ERRNO_NAMES, ...CIRCUITPY_ERRNO_TEXT } : ERRNO_NAMES);
    this.installInput();
    const ctx = this.ctx;
    if (this.profile.flavour === 'micropython') {
      const mods = makeMachineModules(ctx);
      this.vm.registerModule('machine', () => mods.machine);
      // neopixel is micropython-lib's, frozen in: a neopixel.py of the student's own wins
      this.vm.registerModule('neopixel', () => mods.neopixel, { fallback: true });
      this.vm.registerModule('_onewire', () => mods._onewire);
      if (mods.rp2) this.vm.registerModule('rp2', () => mods.rp2);
      if (mods.esp) this.vm.registerModule('esp', () => mods.esp);
      return;
    }
    const { microcontroller, Pin, pinObj } = makeMicrocontroller(ctx);
    const { busio, I2C } = makeBusio(ctx, Pin);
    const def = this.profile.i2cDefaults[0];
    let boardI2c: PyObj = null;
    const i2c = () => {
      if (!boardI2c) {
        boardI2c = instance(I2C, { scl: def.scl, sda: def.sda, locked: false, deinited: false });
      }
      return boardI2c;
    };
    const digitalio = makeDigitalio(ctx, Pin);
    const modules: Record<string, PyObj> = {
      microcontroller,
      board: makeBoardModule(ctx, pinObj, i2c),
      digitalio,
      neopixel_write: makeNeopixelWrite(ctx, digitalio.g.DigitalInOut as PyType),
      rainbowio: makeRainbowio(),
      adafruit_pixelbuf: makeAdafruitPixelbuf(),
      analogio: makeAnalogio(ctx, Pin),
      pwmio: makePwmio(ctx, Pin),
      busio,
      supervisor: makeSupervisor(ctx),
      storage: makeStorage(ctx),
      neopixel: makeNeopixel(ctx, Pin),
    };
    for (const [name, m] of Object.entries(modules)) this.vm.registerModule(name, () => m);
    // neopixel.py comes from the CircuitPython bundle: one in lib/ (or the root) is used instead
    this.vm.registerModule('neopixel', () => modules.neopixel, { fallback: true });
  }

  /**
   * input([prompt]) as a board has it: the REPL's line editor with echo (Enter is '\r'),
   * Ctrl-C raises KeyboardInterrupt, Ctrl-D on an empty line raises EOFError.
   */
  private installInput(): void {
    const host = this.host;
    const rl = new Readline({ write: (b) => host.raw(b), complete: () => null });
    const input = fn('input', (a) => {
      if (a.length > 0) host.text(str(a[0]));
      host.flush();
      rl.init('', '');
      for (;;) {
        // the VM's read runs soft IRQs (timers, pin edges) while it waits, as a board's does
        const c = this.vm.readByte();
        if (c === -2) raise('KeyboardInterrupt');
        if (c === -1) {
          if (rl.line.length === 0) raise('EOFError');
          return decodeBytes(rl.line);
        }
        const r = rl.processChar(c);
        if (r === CTRL_C) raise('KeyboardInterrupt');
        if (r === CTRL_D && rl.line.length === 0) raise('EOFError');
        if (r >= 0) return decodeBytes(rl.line);
      }
    });
    const target = this.builtins();
    target.input = input;
    target.help = makeHelp(this.profile, (t) => host.text(t), (f, ...a) => this.vm.call(f, ...a), () => this.builtins());
  }

  /**
   * The interpreter's builtins namespace. The Interpreter has no public way to replace a
   * builtin yet (requested); its builtins module is reachable as `vm.builtins`. Falls back to
   * __main__ if that ever changes.
   */
  private builtins(): Record<string, PyObj> {
    const internal = this.vm as unknown as { vm?: { builtins?: { g: Record<string, PyObj> } } };
    return internal.vm?.builtins?.g ?? this.vm.globals();
  }

  private outcome(e: unknown): RunResult {
    if (!(e instanceof PyRaise)) {
      const err = e as Error;
      const text = String(err?.stack ?? e);
      return { kind: 'error', text: (text.startsWith('internal error') ? text : `internal error: ${text}`) + '\n' };
    }
    if (this.vm.isSystemExit(e)) {
      const a0 = e.exc.args?.items?.[0];
      if (a0 === HARD_RESET_MARK) return { kind: 'exit', hard: true };
      if (a0 === BOOTLOADER_MARK) return { kind: 'exit', hard: true, bootloader: true };
      if (a0 === RELOAD_MARK || this.profile.flavour === 'micropython') return { kind: 'exit' };
      return { kind: 'ok' }; // CircuitPython: sys.exit() just ends code.py
    }
    return { kind: 'error', text: this.vm.formatException(e), keyboardInterrupt: this.vm.isKeyboardInterrupt(e) };
  }

  private softIrq(fn: PyObj, arg: PyObj): void {
    if (this.running) {
      this.vm.schedule(fn, arg);
      return;
    }
    // idle at a prompt: nothing is running, so call it now (Ctrl-C can stop a long handler)
    this.running = true;
    this.host.setRunning(true);
    try {
      this.vm.call(fn, arg);
    } catch (e) {
      const r = this.outcome(e);
      if (r.kind === 'error') this.host.text(r.text);
    } finally {
      this.running = false;
      this.host.setRunning(false);
    }
  }

  private service(running: boolean): void {
    for (const irq of this.hal.takeIrqs()) irq();
    const changes = this.hal.takeChanges();
    if (changes.length) this.host.publishState(changes);
    if (this.reloadAt !== null && this.host.monotonicMs() >= this.reloadAt) {
      if (this.repl.runningCodeFile && running) {
        this.reloadAt = null;
        this.repl.markReloadInterrupt();
        this.host.requestInterrupt();
      } else if (this.repl.currentMode === 'press-any-key' && !running) {
        this.reloadAt = null;
        this.repl.requestAutoReload();
      } else if (!running) {
        this.reloadAt = null; // suspended while the REPL is active
      }
    }
  }

  private msUntilNextEvent(): number {
    const hw = this.hal.msUntilNextEvent();
    if (this.reloadAt === null) return hw;
    return Math.min(hw, Math.max(0, this.reloadAt - this.host.monotonicMs()));
  }
}
