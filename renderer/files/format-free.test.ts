import { describe, expect, it } from 'vitest';
import { formatFree } from './format-free';

describe('formatFree', () => {
  it('says the free space in KB under a megabyte, else in MB rounded down', () => {
    expect(formatFree(0)).toBe('0 KB free');
    expect(formatFree(812 * 1024 + 500)).toBe('812 KB free');
    expect(formatFree(1408 * 1024)).toBe('1.3 MB free');
    expect(formatFree(16 * 1024 * 1024)).toBe('16 MB free');
  });
});
