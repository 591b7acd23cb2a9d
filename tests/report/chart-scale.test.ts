import { describe, expect, it } from 'vitest';
import { barTicks, whiskerAxis } from '../../core/report/charts/scale';

describe('the over-time charts value axis (report and app)', () => {
  it('leaves room above the largest value on a 1/2/5 step', () => {
    // span 2.4 × 1.25 = 3 (the whisker to 2.9 is inside it): steps of 1 up to 3
    expect(whiskerAxis([{ value: 2.4, upper: 2.9 }])).toEqual({ top: 3, step: 1 });
  });

  it('follows a whisker up to three times the largest value, and clips the rest', () => {
    expect(whiskerAxis([{ value: 2, upper: 5 }])).toEqual({ top: 5, step: 1 });
    expect(whiskerAxis([{ value: 2, upper: 100 }])).toEqual({ top: 6, step: 2 });
  });

  it('counts go up in whole numbers, at least one', () => {
    expect(whiskerAxis([{ value: 3, upper: 3 }], true)).toEqual({ top: 4, step: 1 });
    expect(whiskerAxis([{ value: 0, upper: 0 }], true)).toEqual({ top: 1, step: 1 });
  });
});

describe('the app\'s bar charts value axis', () => {
  it('runs from 0 on 1/2/5 steps to the first tick at or above the largest bar', () => {
    expect(barTicks(4.3)).toEqual([0, 2, 4, 6]);
    expect(barTicks(3, 2)).toEqual([0, 2, 4]);
    expect(barTicks(0.0123)).toEqual([0, 0.005, 0.01, 0.015]);
  });

  it('does not add a nearly empty step for a bar a hair above a tick, and has two ticks for nothing at all', () => {
    expect(barTicks(4.0016)).toEqual([0, 2, 4]);
    expect(barTicks(0)).toEqual([0, 1]);
  });
});
