// What each press of Stop does while one run goes on.
import { describe, expect, it } from 'vitest';
import { StopEscalation } from './stop-escalation';

describe('StopEscalation', () => {
  it('interrupts, then offers a reset, then resets', () => {
    let t = 0;
    const s = new StopEscalation(500, () => t);
    expect(s.press('r1')).toBe('interrupt');
    t += 600;
    expect(s.press('r1')).toBe('offer-reset');
    t += 600;
    expect(s.press('r1')).toBe('reset');
  });

  it('counts presses closer than the grace period once (a double click)', () => {
    let t = 0;
    const s = new StopEscalation(500, () => t);
    expect(s.press('r1')).toBe('interrupt');
    t += 100;
    expect(s.press('r1')).toBe('interrupt');
    t += 500;
    expect(s.press('r1')).toBe('offer-reset');
    t += 100;
    expect(s.press('r1')).toBe('offer-reset');
  });

  it('starts over for a new run', () => {
    let t = 0;
    const s = new StopEscalation(500, () => t);
    s.press('r1');
    t += 600;
    expect(s.press('r1')).toBe('offer-reset');
    t += 600;
    expect(s.press('r2')).toBe('interrupt');
  });
});
