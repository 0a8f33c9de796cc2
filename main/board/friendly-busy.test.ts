import { describe, expect, it } from 'vitest';
import { FriendlyBusy } from './friendly-busy';

function watch() {
  const changes: boolean[] = [];
  const busy = new FriendlyBusy((b) => changes.push(b));
  return { busy, changes };
}

describe('FriendlyBusy', () => {
  it('is busy from a soft reboot until the prompt returns (main.py that ends)', () => {
    const { busy, changes } = watch();
    busy.feed('\r\nMPY: soft ');
    expect(busy.isBusy).toBe(false);
    busy.feed('reboot\r\nhello from main\r\n');
    expect(busy.isBusy).toBe(true);
    busy.feed('MicroPython v1.24.1 on 2024-11-29; Raspberry Pi Pico with RP2040\r\nType "help()" for more information.\r\n>');
    expect(busy.isBusy).toBe(true);
    busy.feed('>> ');
    expect(busy.isBusy).toBe(false);
    expect(changes).toEqual([true, false]);
  });

  it('stays busy while a looping main.py prints, whatever it prints', () => {
    const { busy } = watch();
    busy.feed('MPY: soft reboot\r\n');
    for (let i = 0; i < 50; i++) busy.feed(`tick ${i}\r\n`);
    expect(busy.isBusy).toBe(true);
  });

  it('a prompt printed before the reboot line does not count as the end', () => {
    const { busy } = watch();
    busy.feed('>>> \r\nMPY: soft reboot\r\n');
    expect(busy.isBusy).toBe(true);
  });

  it('follows CircuitPython: code.py runs until the press-any-key wait state', () => {
    const { busy, changes } = watch();
    busy.feed('soft reboot\r\n\x1b[2K\x1b[0Gcode.py output:\r\n1\r\n');
    expect(busy.isBusy).toBe(true);
    busy.feed('\r\nCode done running.\r\n\x1b[2K\x1b[0GAuto-reload is on. Simply save files over USB to run them or enter REPL to disable.\r\n\r\nPress any key to enter the REPL. Use CTRL-D to reload.\r\n');
    expect(busy.isBusy).toBe(false);
    expect(changes).toEqual([true, false]);
  });

  it('an IDE operation that took the board over means idle', () => {
    const { busy, changes } = watch();
    busy.feed('MPY: soft reboot\r\n');
    busy.idle();
    expect(busy.isBusy).toBe(false);
    busy.feed('MPY: soft reboot\r\n>>> ');
    expect(changes).toEqual([true, false, true, false]);
  });
});
