import { describe, expect, it } from 'vitest';
import { keyLabel } from './commands';

describe('keyLabel', () => {
  it('names the minus key of "Smaller text" as minus, not plus', () => {
    expect(keyLabel('Mod--')).toMatch(/^(Ctrl|Cmd)\+-$/);
    expect(keyLabel('Mod-+')).toMatch(/^(Ctrl|Cmd)\+\+$/);
    expect(keyLabel('Mod-Shift-s')).toMatch(/^(Ctrl|Cmd)\+Shift\+S$/);
    expect(keyLabel('F5')).toBe('F5');
  });
});
