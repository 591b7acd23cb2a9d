import { describe, expect, it } from 'vitest';
import { keepsConditioning, lanesWithin } from '../../core/analysis/working-memory';

const HOUR = 3600;

describe('working memory of detection', () => {
  it('runs an hour of 2 kHz channels on every lane, and a night or a day of 1 kHz channels on one', () => {
    expect(lanesWithin(2, HOUR * 2000)).toBe(2);
    expect(lanesWithin(8, 30 * 60 * 2000)).toBe(7);
    expect(lanesWithin(2, 8 * HOUR * 1000)).toBe(1);
    expect(lanesWithin(2, 24 * HOUR * 1000)).toBe(1);
    expect(lanesWithin(4, 0)).toBe(4);
  });

  it('keeps conditioned signals for a re-threshold up to about 15 hours of 1 kHz, not a day', () => {
    expect(keepsConditioning(HOUR * 2000)).toBe(true);
    expect(keepsConditioning(8 * HOUR * 1000)).toBe(true);
    expect(keepsConditioning(15 * HOUR * 1000)).toBe(true);
    expect(keepsConditioning(16 * HOUR * 1000)).toBe(false);
    expect(keepsConditioning(24 * HOUR * 1000)).toBe(false);
  });
});
