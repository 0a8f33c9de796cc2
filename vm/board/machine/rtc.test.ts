// machine.RTC and time read one clock, as on a Pico: what mpremote `rtc --set`, Thonny's clock sync
// and rshell's sync do is `machine.RTC().datetime(t)` on a fresh RTC object, then time.* must see it.

import { describe, expect, it } from 'vitest';
import { folderBoard } from '../../host/testing/folder-board';

describe('machine.RTC', () => {
  it('sets the one clock that every RTC object and time.localtime/time.time read', () => {
    const { h } = folderBoard();
    const [out, err] = h.exec(`import machine, time
machine.RTC().datetime((2031, 7, 14, 0, 9, 30, 15, 0))
print(machine.RTC().datetime()[:3], machine.RTC().datetime()[4:7])
print(time.localtime()[:6], time.gmtime()[:3])
print(time.localtime(time.time())[:5])`);
    expect(err).toBe('');
    expect(out).toBe('(2031, 7, 14) (9, 30, 15)\r\n(2031, 7, 14, 9, 30, 15) (2031, 7, 14)\r\n(2031, 7, 14, 9, 30)\r\n');
  });

  it('keeps running from the time set, and survives a soft reset', () => {
    const { h } = folderBoard();
    h.exec('import machine\nmachine.RTC().datetime((2031, 7, 14, 0, 9, 30, 15, 0))');
    h.exec('import time\ntime.sleep(2)');
    h.feed('\x04');
    const [out] = h.exec('import time\nprint(time.localtime()[3:6])');
    // the virtual clock of the test host advances only by waits and polls: 2 s and a little
    expect(out).toBe('(9, 30, 17)\r\n');
  });

  it('starts again from the computer\'s clock after machine.reset(), as a powered-on board restarts its clock', () => {
    const { h } = folderBoard();
    h.exec('import machine\nmachine.RTC().datetime((2031, 7, 14, 0, 9, 30, 15, 0))');
    h.feed('import machine\nmachine.reset()\x04');
    h.feed('\r\x01');
    const [out] = h.exec('import time\nprint(time.localtime()[0])');
    // the test host's clock is in 2023
    expect(out).toBe('2023\r\n');
  });

  it('gives the weekday of the date, whatever weekday was set', () => {
    const { h } = folderBoard();
    const [out] = h.exec('import machine\nmachine.RTC().datetime((2031, 7, 14, 6, 0, 0, 0, 0))\nprint(machine.RTC().datetime()[3])');
    expect(out).toBe('0\r\n'); // 2031-07-14 is a Monday
  });

  it('refuses a tuple too short to be a date and time', () => {
    const { h } = folderBoard();
    const [, err] = h.exec('import machine\nmachine.RTC().datetime((2031, 7, 14))');
    expect(err).toContain('ValueError');
  });
});
