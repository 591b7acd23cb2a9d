import { describe, expect, it } from 'vitest';
import { formatClock, formatDuration, formatNumber, formatReading, listInWords } from '../../core/format';

describe('numbers in words', () => {
  it('prints a column\'s raw values, whatever their scale, to three significant digits', () => {
    expect(formatReading(32767, '')).toBe('32,767');
    expect(formatReading(22.04, 'uV')).toBe('22 µV');
    expect(formatReading(-0.5123, 'g')).toBe('-0.512 g');
    expect(formatReading(0.00042, 'V')).toBe('4.20e-4 V');
    expect(formatReading(Number.NaN, 'V')).toBe('–');
  });

  it('keeps two significant digits below 10 and never prints 10.0', () => {
    expect(formatNumber(0.4213)).toBe('0.42');
    expect(formatNumber(3.449)).toBe('3.4');
    expect(formatNumber(5)).toBe('5');
    expect(formatNumber(9.9998)).toBe('10');
    expect(formatNumber(27.4)).toBe('27');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(Number.NaN)).toBe('–');
  });

  it('writes durations and clock times as people read them', () => {
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(599.99)).toBe('10 min');
    expect(formatDuration(119.6)).toBe('1 min 59 s');
    expect(formatDuration(120)).toBe('2 min');
    expect(formatDuration(2 * 3600 + 5 * 60)).toBe('2 h 5 min');
    // A day of rest less a few seconds (bench:app's 24-hour file read '23 h 60 min').
    expect(formatDuration(24 * 3600 - 20)).toBe('24 h');
    expect(formatDuration(3 * 3600 - 31)).toBe('2 h 59 min');
    expect(formatClock(247.4)).toBe('4:07');
    expect(formatClock(3729)).toBe('1:02:09');
    expect(listInWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
