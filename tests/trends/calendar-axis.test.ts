import { describe, expect, it } from 'vitest';
import { calendarRange, calendarTicks } from '../../core/report/trend/calendar-axis';

const day = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h);

describe('calendar axis of the trend charts', () => {
  it('widens one day to three, and pads long spans so the end marks clear the axes', () => {
    const one = calendarRange([day(2026, 1, 5, 8), day(2026, 1, 5, 20)]);
    expect(one.max - one.min).toBeCloseTo(3 * 86_400_000, -3);
    const long = calendarRange([day(2025, 11, 3), day(2026, 2, 2)]);
    expect(day(2025, 11, 3) - long.min).toBeCloseTo(0.04 * (day(2026, 2, 2) - day(2025, 11, 3)), -3);
  });

  it('ticks days, then Mondays, then first days of months as the span grows', () => {
    expect(calendarTicks(day(2026, 1, 4, 12), day(2026, 1, 8, 12)).map((t) => t.label)).toEqual(['5 Jan', '6 Jan', '7 Jan', '8 Jan']);
    const weeks = calendarTicks(day(2026, 1, 1), day(2026, 2, 15));
    expect(weeks.map((t) => new Date(t.ms).getUTCDay())).toEqual(weeks.map(() => 1));
    expect(weeks[0].label).toBe('5 Jan');
    expect(calendarTicks(day(2025, 10, 20), day(2026, 6, 10)).map((t) => t.label)).toEqual(['Nov 2025', 'Dec 2025', 'Jan 2026', 'Feb 2026', 'Mar 2026', 'Apr 2026', 'May 2026', 'Jun 2026']);
    expect(calendarTicks(day(2024, 1, 10), day(2026, 1, 10)).map((t) => t.label)).toEqual(['Jul 2024', 'Jan 2025', 'Jul 2025', 'Jan 2026']);
  });
});
