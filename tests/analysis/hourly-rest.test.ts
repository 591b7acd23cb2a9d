import { describe, expect, it } from 'vitest';
import { HOUR_S, hourlyRest } from '../../core/analysis/hourly-rest';
import { nightAnalysis } from '../support/night-analysis';

// Six and a half hours: 10 twitches an hour, 60 in the third hour, the fifth hour almost all sustained
// activity (2 minutes of rest, 2 twitches in it), 5 twitches in the last half hour.
const NIGHT = { hoursS: 6.5 * HOUR_S, perHour: [10, 10, 60, 10, 2, 10, 5], sustained: [4 * HOUR_S + 120, 5 * HOUR_S] as [number, number] };

describe('twitches per hour of rest, hour by hour', () => {
  it('gives each hour its twitches and rest, and the busy third hour stands out', () => {
    const h = hourlyRest(nightAnalysis(NIGHT), null)!;
    expect(h.hours.map((x) => x.twitches)).toEqual([10, 10, 60, 10, 2, 10, 5]);
    expect(h.hours.map((x) => x.perHour === null ? null : Number(x.perHour.toFixed(6)))).toEqual([10, 10, 60, 10, null, 10, 10]);
    expect(h.hours[4].restS).toBeCloseTo(120, 6);
    expect(h.hours[6]).toMatchObject({ startS: 6 * HOUR_S, endS: 6.5 * HOUR_S });
    expect(h.hours[6].restS).toBeCloseTo(1800, 6);
    expect(h.hours.reduce((s, x) => s + x.restS, 0)).toBeCloseTo(6.5 * HOUR_S - (HOUR_S - 120), 6);
    expect(h.hours.every((x) => x.clock === null)).toBe(true);
  });

  it('adds channels the way sites do: the figure stays per hour of rest on one channel', () => {
    const h = hourlyRest(nightAnalysis({ ...NIGHT, channels: ['emg1', 'emg2'] }), null)!;
    expect(h.channels).toBe(2);
    expect(h.hours.map((x) => x.twitches)).toEqual([20, 20, 120, 20, 4, 20, 10]);
    expect(h.hours[2].perHour).toBeCloseTo(60, 6);
    // Rest adds over the channels as twitches do (as in the rates by site), so the row reads 20 in 2 h = 10 an hour.
    expect(h.hours[0].restS).toBeCloseTo(2 * HOUR_S, 6);
    expect(h.hours[0].perHour).toBeCloseTo(h.hours[0].twitches / (h.hours[0].restS / HOUR_S), 6);
    expect(h.hours[4].perHour).toBeNull();
  });

  it('labels hours on the recording clock, whatever the zone of this computer', () => {
    const local = hourlyRest(nightAnalysis(NIGHT), '2026-03-14T23:30:00')!;
    expect(local.hours.map((x) => x.clock)).toEqual(['23:30', '00:30', '01:30', '02:30', '03:30', '04:30', '05:30']);
    const zoned = hourlyRest(nightAnalysis(NIGHT), '2026-03-14T22:05:09+01:00')!;
    expect(zoned.hours.slice(0, 3).map((x) => x.clock)).toEqual(['22:05', '23:05', '00:05']);
  });

  it('is left out below 4 hours of analysed time', () => {
    expect(hourlyRest(nightAnalysis({ hoursS: 4 * HOUR_S - 60, perHour: [5, 5, 5, 5] }), null)).toBeNull();
    expect(hourlyRest(nightAnalysis({ hoursS: 4 * HOUR_S, perHour: [5, 5, 5, 5] }), null)!.hours).toHaveLength(4);
    expect(hourlyRest(nightAnalysis({ hoursS: 600, perHour: [5] }), null)).toBeNull();
  });

  it('counts accelerometers only when the recording has no EMG, and says so', () => {
    const h = hourlyRest(nightAnalysis({ ...NIGHT, kind: 'accel' }), null)!;
    expect(h.onlyAccelerometer).toBe(true);
    expect(h.hours[2].twitches).toBe(60);
  });
});
