import { describe, expect, it } from 'vitest';
import { BoardHarness } from './testing/board-harness';
import { pico } from './profiles/pico';
import { circuitpythonRp2040 } from './profiles/circuitpython-rp2040';
import { makeBoardVm } from '../host/board-vm';

const BANNER = 'MicroPython v1.24.1 on 2024-11-29; Raspberry Pi Pico (simulated) with RP2040\r\nType "help()" for more information.\r\n>>> ';

describe('MicroPython board start-up and resets', () => {
  it('power-on runs boot.py then main.py, then prints the banner', () => {
    const h = new BoardHarness(pico, makeBoardVm, { 'boot.py': 'print("boot")', 'main.py': 'print("main")' });
    expect(h.powerOn()).toBe('boot\r\nmain\r\n' + BANNER);
  });

  it('Ctrl-D soft-resets: fresh globals, files kept, boot.py and main.py again', () => {
    const h = new BoardHarness(pico, makeBoardVm, { 'main.py': 'print("main")' });
    h.powerOn();
    h.feed('x = 5\r');
    expect(h.feed('\x04')).toBe('\r\nMPY: soft reboot\r\nmain\r\n' + BANNER);
    expect(h.feed('x\r')).toContain("NameError: name 'x' isn't defined");
  });

  it('raw-mode soft reset runs boot.py but not main.py', () => {
    const h = new BoardHarness(pico, makeBoardVm, { 'boot.py': 'print("boot")', 'main.py': 'print("main")' });
    h.powerOn();
    h.feed('\r\x01');
    expect(h.feed('\x04')).toBe('OK\r\nMPY: soft reboot\r\nboot\r\nraw REPL; CTRL-B to exit\r\n>');
  });

  it('an error in main.py is printed with its file name, then the REPL starts', () => {
    const h = new BoardHarness(pico, makeBoardVm, { 'main.py': 'print(1)\n1/0\n' });
    expect(h.powerOn()).toBe(
      '1\r\nTraceback (most recent call last):\r\n  File "main.py", line 2, in <module>\r\nZeroDivisionError: divide by zero\r\n' + BANNER,
    );
  });

  it('Ctrl-C stops a runaway main.py and keeps the REPL usable', () => {
    const h = new BoardHarness(pico, makeBoardVm, { 'main.py': 'n = 0\nwhile True:\n    n += 1\n' });
    let polls = 0;
    h.host.onPoll = () => {
      if (++polls === 20) h.host.push('\x03');
    };
    const out = h.powerOn();
    expect(out).toBe('Traceback (most recent call last):\r\n  File "main.py", line 3, in <module>\r\nKeyboardInterrupt: \r\n' + BANNER);
    h.host.onPoll = null;
    expect(h.feed('n > 0\r')).toBe('n > 0\r\nTrue\r\n>>> ');
  });

  it('Ctrl-C interrupts while True: pass and time.sleep(60) typed at the prompt', () => {
    const h = new BoardHarness(pico, makeBoardVm);
    h.powerOn();
    let polls = 0;
    h.host.onPoll = () => {
      if (++polls % 10 === 0) h.host.push('\x03');
    };
    expect(h.feed('while True: pass\r\r')).toContain('KeyboardInterrupt: \r\n>>> ');
    let sent = false;
    h.host.onPoll = () => {
      if (!sent) h.host.push('\x03');
      sent = true;
    };
    const t0 = h.host.clock;
    expect(h.feed('import time; time.sleep(60)\r')).toContain('KeyboardInterrupt: \r\n>>> ');
    expect(h.host.clock - t0).toBeLessThan(60_000);
  });

  it('input() reads the serial line; Ctrl-C during input() raises KeyboardInterrupt', () => {
    const h = new BoardHarness(pico, makeBoardVm);
    h.powerOn();
    expect(h.feed('name = input("who? ")\rAda\r')).toBe('name = input("who? ")\r\nwho? Ada\r\n>>> ');
    expect(h.feed('name\r')).toBe("name\r\n'Ada'\r\n>>> ");
    expect(h.feed('input()\r\x03')).toContain('KeyboardInterrupt: \r\n>>> ');
  });

  it('sys.exit() at the prompt soft-resets, as on rp2', () => {
    const h = new BoardHarness(pico, makeBoardVm);
    h.powerOn();
    expect(h.feed('import sys\rsys.exit()\r')).toBe('import sys\r\n>>> sys.exit()\r\nMPY: soft reboot\r\n' + BANNER);
  });

  it('machine.reset() powers the board on again', () => {
    const h = new BoardHarness(pico, makeBoardVm, { 'main.py': 'print("main")' });
    h.powerOn();
    expect(h.feed('import machine; machine.reset()\r')).toBe('import machine; machine.reset()\r\nmain\r\n' + BANNER);
  });

  it('machine.reset() in the raw REPL never finishes the command: the port drops after OK', () => {
    const h = new BoardHarness(pico, makeBoardVm, { 'main.py': 'print("main")' });
    h.powerOn();
    h.feed('\r\x01');
    const out = h.feed('import machine\nmachine.reset()\x04');
    expect(h.host.portDrops).toBe(1);
    // what reached the old port: "OK" and nothing more (no \x04 end markers)
    expect(out.slice(0, h.host.outputAtDrop)).toBe('OK');
    // the board came back powered on, in the friendly REPL
    expect(out.slice(h.host.outputAtDrop)).toBe('main\r\n' + BANNER);
  });

  it('machine.bootloader() says it cannot where the owner has no bootloader, and leaves for it where it has', () => {
    const plain = new BoardHarness(pico, makeBoardVm);
    plain.powerOn();
    plain.feed('\r\x01');
    expect(plain.exec('import machine\nmachine.bootloader()')[1]).toContain('NotImplementedError: a simulated board has no bootloader');
    const h = new BoardHarness(pico, makeBoardVm);
    h.host.emulateBootloader();
    h.powerOn();
    h.feed('\r\x01');
    expect(h.feed('import machine\nmachine.bootloader()\x04')).toBe('OK');
    expect(h.host.bootloaderEntries).toBe(1);
    // in the bootloader the serial port is gone: nothing typed reaches Python, nothing comes back
    expect(h.feed('\x03\x02print(1)\r\x04')).toBe('');
  });

  it('sys.implementation and os.uname() describe the simulated Pico', () => {
    const h = new BoardHarness(pico, makeBoardVm);
    h.powerOn();
    h.feed('\r\x01');
    const [out, err] = h.exec('import sys, os\nprint(sys.implementation.name, sys.platform)\nprint(sys.implementation._machine)');
    expect(err).toBe('');
    expect(out).toBe('micropython rp2\r\nRaspberry Pi Pico (simulated) with RP2040\r\n');
  });
});

describe('CircuitPython board', () => {
  const CP_BANNER = 'Adafruit CircuitPython 9.2.1 on 2024-11-20; Adafruit Feather RP2040 (simulated) with rp2040';
  const DONE = '\r\nCode done running.\r\n\x1b[2K\x1b[0GAuto-reload is on. Simply save files over USB to run them or enter REPL to disable.\r\n\r\nPress any key to enter the REPL. Use CTRL-D to reload.\r\n';
  const title = '\x1b]0;\xf0\x9f\x90\x8dcode.py | 9.2.1\x1b\\';

  it('runs code.py with its header, then waits for a key', () => {
    const h = new BoardHarness(circuitpythonRp2040, makeBoardVm, { 'code.py': 'print("hello")' });
    expect(h.powerOn()).toBe(title + '\x1b[2K\x1b[0Gcode.py output:\r\nhello\r\n' + DONE);
    expect(h.files.files.get('boot_out.txt')).toBe(`${CP_BANNER}\nBoard ID:adafruit_feather_rp2040\nUID:DF625878CB41342B\n`);
    expect(h.feed('\r')).toBe(`\r\n${CP_BANNER}\r\n>>> `);
    expect(h.feed('\x04')).toBe('\r\nsoft reboot\r\n' + title + '\x1b[2K\x1b[0Gcode.py output:\r\nhello\r\n' + DONE);
  });

  it('entering the REPL runs repl.py first', () => {
    const h = new BoardHarness(circuitpythonRp2040, makeBoardVm, { 'repl.py': 'greeting = "hi"\nprint("repl.py ran")' });
    h.powerOn();
    expect(h.feed('x')).toBe(`repl.py ran\r\n\r\n${CP_BANNER}\r\n>>> `);
    expect(h.feed('greeting\r')).toBe("greeting\r\n'hi'\r\n>>> ");
  });

  it('Ctrl-D at the press-any-key prompt reloads code.py', () => {
    const h = new BoardHarness(circuitpythonRp2040, makeBoardVm, { 'code.py': 'print("again")' });
    h.powerOn();
    expect(h.feed('\x04')).toBe('soft reboot\r\n' + title + '\x1b[2K\x1b[0Gcode.py output:\r\nagain\r\n' + DONE);
  });

  it('switching to the raw REPL restarts the VM; raw soft reset skips code.py', () => {
    const h = new BoardHarness(circuitpythonRp2040, makeBoardVm, { 'code.py': 'print("code")' });
    h.powerOn();
    h.feed('\r');
    h.feed('v = 1\r');
    expect(h.feed('\x01')).toBe('\r\nraw REPL; CTRL-B to exit\r\n>');
    expect(h.exec('print(v)')[1]).toContain("NameError: name 'v' isn't defined");
    expect(h.feed('\x04')).toBe('OK\r\nsoft reboot\r\nraw REPL; CTRL-B to exit\r\n>');
  });

  it('Python writes are read-only while the drive is presented; boot.py can remount', () => {
    const h = new BoardHarness(circuitpythonRp2040, makeBoardVm);
    h.powerOn();
    h.feed('\r\r\x01');
    expect(h.exec('import storage\nprint(storage.getmount("/").readonly)')[0]).toBe('False\r\n');
    h.board.setDrivePresented(true);
    expect(h.exec('print(storage.getmount("/").readonly)')[0]).toBe('True\r\n');
    expect(h.files.readOnly).toBe(true);
    expect(h.exec('storage.remount("/", readonly=False)')[1]).toContain("RuntimeError: Cannot remount '/' when visible via USB.");
    h.board.setDrivePresented(false);
    expect(h.files.readOnly).toBe(false);
    const h2 = new BoardHarness(circuitpythonRp2040, makeBoardVm, { 'boot.py': 'import storage\nstorage.remount("/", readonly=True)' });
    h2.powerOn();
    expect(h2.files.readOnly).toBe(true);
  });

  it('auto-reload: a host-side write reloads code.py at the press-any-key prompt', () => {
    const h = new BoardHarness(circuitpythonRp2040, makeBoardVm, { 'code.py': 'print("v1")' });
    h.powerOn();
    h.files.files.set('code.py', 'print("v2")');
    h.board.fileChanged();
    h.host.clock += 800;
    expect(h.feed('')).toBe('soft reboot\r\n' + title + '\x1b[2K\x1b[0Gcode.py output:\r\nv2\r\n' + DONE);
  });

  it('auto-reload stops a running code.py', () => {
    const h = new BoardHarness(circuitpythonRp2040, makeBoardVm, { 'code.py': 'import time\nwhile True:\n    time.sleep(0.1)\n' });
    let polls = 0;
    h.host.onPoll = () => {
      if (++polls === 5) {
        h.files.files.set('code.py', 'print("new")');
        h.board.fileChanged();
      }
    };
    const out = h.powerOn();
    expect(out).toContain('\r\nCode stopped by auto-reload. Reloading soon.\r\nsoft reboot\r\n');
    expect(out.endsWith('code.py output:\r\nnew\r\n' + DONE)).toBe(true);
  });
});

describe('help()', () => {
  it('prints the port welcome, modules, and an object\'s attributes', () => {
    const h = new BoardHarness(pico, makeBoardVm);
    h.powerOn();
    const welcome = h.feed('help()\r');
    expect(welcome).toContain('Welcome to MicroPython!');
    expect(welcome).toContain("RP2 specific commands\r\nare in the 'rp2' module.");
    expect(welcome).toContain('CTRL-D -- on a blank line, do a soft reset of the board');
    const mods = h.feed("help('modules')\r");
    expect(mods).toContain('machine');
    expect(mods).toContain('Plus any modules on the filesystem\r\n>>> ');
    const obj = h.feed('import machine\rhelp(machine.Pin)\r');
    expect(obj).toContain("object <class 'Pin'> is of type type\r\n");
    expect(obj).toContain('  toggle -- ');
    expect(obj).toContain('  OUT -- 1\r\n');
  });

  it("every module help('modules') lists can be imported (builtins and vfs too)", () => {
    for (const profile of [pico, circuitpythonRp2040]) {
      const h = new BoardHarness(profile, makeBoardVm);
      h.powerOn();
      h.feed('\r');
      const lines = h.feed("help('modules')\r").split('\r\n').slice(1);
      const listed = lines.filter((l) => !l.startsWith('Plus any') && !l.startsWith('>>>')).join(' ').split(/\s+/).filter((n) => n && n !== '__main__');
      expect(listed).toContain('builtins');
      if (profile === pico) expect(listed).toContain('vfs');
      h.feed('\x01');
      const [out, err] = h.exec(`failed = []\nfor n in ${JSON.stringify(listed)}:\n    try: __import__(n)\n    except ImportError: failed.append(n)\nprint(failed)`);
      expect(err).toBe('');
      expect(out, profile.id).toBe('[]\r\n');
    }
  });
});
