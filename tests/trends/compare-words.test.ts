import { describe, expect, it } from 'vitest';
import { compareRates } from '../../core/trends/compare-words';

const A = 'the 5 Jan recording';
const B = 'the 12 Jan recording';
const cmp = (ka: number, ta: number, kb: number, tb: number) => compareRates({ label: A, twitchCount: ka, restS: ta }, { label: B, twitchCount: kb, restS: tb });

describe('rate comparison in words', () => {
  it('says too few when both counts are tiny, even when one looks twice the other', () => {
    const c = cmp(2, 600, 4, 600);
    expect(c.verdict).toBe('too-few');
    expect(c.text).toBe('Too few twitch-like events to compare: 2 in the 5 Jan recording and 4 in the 12 Jan recording. Longer rest recordings would give a clearer answer.');
  });

  it('says about the same when a small-count interval includes no change, however far the point estimate is', () => {
    const c = cmp(3, 60, 40, 600);
    expect(c.ratio).toBeCloseTo(4 / 3, 9);
    expect(c.verdict).toBe('same');
    expect(c.text).toBe(
      'About the same: 4 twitch-like events per minute of rest in the 12 Jan recording, 3 in the 5 Jan recording. The rate in the 12 Jan recording is 1.3 times that in the 5 Jan recording (95% interval 0.42 to 6.7 times), a range that includes no change.',
    );
  });

  it('says about the same on large equal-ish counts', () => {
    expect(cmp(120, 600, 130, 600).text).toBe(
      'About the same: 13 twitch-like events per minute of rest in the 12 Jan recording, 12 in the 5 Jan recording. The rate in the 12 Jan recording is 1.08 times that in the 5 Jan recording (95% interval 0.84 to 1.4 times), a range that includes no change.',
    );
  });

  it('says higher only when the whole interval is above 1', () => {
    const c = cmp(120, 1200, 260, 1200);
    expect(c.verdict).toBe('higher');
    expect(c.lower).toBeGreaterThan(1);
    expect(c.text).toBe(
      'Higher in the 12 Jan recording: 13 twitch-like events per minute of rest, against 6 in the 5 Jan recording. The rate in the 12 Jan recording is 2.2 times that in the 5 Jan recording (95% interval 1.7 to 2.7 times), all of it above no change.',
    );
  });

  it('says lower only when the whole interval is below 1', () => {
    const c = cmp(400, 1200, 200, 1200);
    expect(c.verdict).toBe('lower');
    expect(c.text).toBe(
      'Lower in the 12 Jan recording: 10 twitch-like events per minute of rest, against 20 in the 5 Jan recording. The rate in the 12 Jan recording is 0.5 times that in the 5 Jan recording (95% interval 0.42 to 0.59 times), all of it below no change.',
    );
  });

  it('writes limits near 1 with two decimals so they never read as exactly 1', () => {
    expect(cmp(1000, 6000, 1100, 6000).text).toContain('(95% interval 1.01 to 1.2 times), all of it above no change.');
  });

  it('names none on one side without inventing a ratio', () => {
    expect(cmp(0, 600, 8, 600).text).toBe(
      'Higher in the 12 Jan recording: 0.8 twitch-like events per minute of rest, against none in the 5 Jan recording. The rate in the 12 Jan recording is at least 1.7 times that in the 5 Jan recording (95% interval), all of it above no change.',
    );
    expect(cmp(10, 600, 0, 600).text).toBe(
      'Lower in the 12 Jan recording: no twitch-like events, against 1 twitch-like event per minute of rest in the 5 Jan recording. The rate in the 12 Jan recording is at most 0.45 times that in the 5 Jan recording (95% interval), all of it below no change.',
    );
  });

  it('will not compare without rest time', () => {
    const c = cmp(10, 0, 5, 600);
    expect(c.verdict).toBe('no-rest');
    expect(c.text).toBe('Cannot compare: the 5 Jan recording has no usable rest time.');
  });
});
