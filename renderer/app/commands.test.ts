import { describe, expect, it, vi } from 'vitest';
// (commands.ts reads the platform and reaches the API module, which needs a window; keyLabel needs neither)
vi.stubGlobal('navigator', { platform: 'Linux x86_64' });
vi.mock('../api', () => ({ api: {}, call: async () => undefined }));
const { keyLabel } = await import('./commands');

describe('keyLabel', () => {
  it('names the minus key of "Smaller text" as minus, not plus', () => {
    expect(keyLabel('Mod--')).toBe('Ctrl+-');
    expect(keyLabel('Mod-+')).toBe('Ctrl++');
    expect(keyLabel('Mod-Shift-s')).toBe('Ctrl+Shift+S');
    expect(keyLabel('F5')).toBe('F5');
  });
});
