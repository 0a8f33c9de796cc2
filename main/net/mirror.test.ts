// The mirror setting: official addresses become <mirror>/<host>/<path>, on a web server or in a folder.
import { describe, expect, it } from 'vitest';
import { checkMirror, resolveSource } from './mirror';

const url = 'https://micropython.org/resources/firmware/RPI_PICO-20251209-v1.27.0.uf2';

describe('resolveSource', () => {
  it('leaves the address alone without a mirror', () => {
    expect(resolveSource(url, '')).toEqual({ kind: 'http', url });
    expect(resolveSource(url, '   ')).toEqual({ kind: 'http', url });
  });

  it('puts the host and path under a web mirror, keeping the query', () => {
    expect(resolveSource(url, 'http://school.lan/mirror/')).toEqual({ kind: 'http', url: 'http://school.lan/mirror/micropython.org/resources/firmware/RPI_PICO-20251209-v1.27.0.uf2' });
    expect(resolveSource('https://micropython.org/download/?mcu=rp2040', 'http://school.lan')).toEqual({ kind: 'http', url: 'http://school.lan/micropython.org/download/?mcu=rp2040' });
  });

  it('reads from a folder mirror (a path or a file: address)', () => {
    expect(resolveSource(url, '/media/stick/mirror')).toEqual({ kind: 'file', path: '/media/stick/mirror/micropython.org/resources/firmware/RPI_PICO-20251209-v1.27.0.uf2' });
    expect(resolveSource('https://downloads.circuitpython.org/bin/raspberry_pi_pico/en_US/x%20y.uf2', 'file:///srv/m')).toEqual({ kind: 'file', path: '/srv/m/downloads.circuitpython.org/bin/raspberry_pi_pico/en_US/x y.uf2' });
  });

  it('refuses what it cannot use, saying why', () => {
    expect(() => resolveSource('ftp://micropython.org/x', '')).toThrow(/only http and https addresses, not ftp:/);
    expect(() => resolveSource('not a url', '')).toThrow(/"not a url" is not a web address/);
    expect(() => checkMirror('mirror')).toThrow(/neither a web address \(http:\/\/…\) nor a full folder path/);
    expect(() => resolveSource('https://x.org/a%2F..%2F..%2F..%2Fetc/passwd', '/srv/m')).toThrow(/would leave the mirror folder/);
  });
});
