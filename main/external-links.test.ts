import { describe, expect, test } from 'vitest';
import { isAllowedExternal } from './external-links';

describe('isAllowedExternal', () => {
  test.each(['https://docs.micropython.org/en/latest/', 'https://micropython.org/download/RPI_PICO/', 'https://learn.adafruit.com/welcome-to-circuitpython', 'https://github.com/micropython/micropython-lib'])('opens %s', (url) => {
    expect(isAllowedExternal(url)).toBe(true);
  });
  test.each([
    'http://docs.micropython.org/',
    'https://example.com/',
    'https://micropython.org.evil.example/',
    'https://evilmicropython.org/',
    'https://user:pw@micropython.org/',
    'https://micropython.org:8443/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://share/x',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedExternal(url)).toBe(false);
  });
});
