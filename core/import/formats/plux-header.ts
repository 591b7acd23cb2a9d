import { isRecord } from '../../schema/check';
import { isoFromParts } from '../dates';
import { ImportError } from '../errors';
import type { Head } from '../head';

/** One device's entry in an OpenSignals header, with every field this importer uses checked. */
export interface PluxDevice {
  column: string[];
  sensor: string[];
  label: string[];
  /** ADC bits per channel (in `column` order after the digital ones); 16 when not stated. */
  resolution: number[];
  samplingRate: number;
  device: string;
  date: string | null;
  time: string | null;
  position: number;
}

/** OpenSignals devices have 8- to 24-bit converters; a resolution outside 1-32 bits is not one. */
const MAX_BITS = 32;

/**
 * The header's JSON, device by device, checked at the edge: a value of the wrong type or range is an
 * ImportError naming the device and field (a 5000-bit resolution once made 2^5000 = Infinity and every
 * sample 0), never a TypeError later or a silently wrong signal.
 */
export function readPluxDevices(raw: unknown, head: Head, line: number): Array<[string, PluxDevice]> {
  const fail = (problem: string): never => {
    throw new ImportError(head.name, problem, 'export the file again from OpenSignals', line);
  };
  if (!isRecord(raw)) return fail('the OpenSignals JSON header does not list devices');
  return Object.entries(raw).map(([mac, d]): [string, PluxDevice] => {
    if (!isRecord(d)) return fail(`the OpenSignals header entry for device ${mac} is not a device description`);
    const texts = (field: string, required: boolean): string[] => {
      const v = d[field];
      if (v === undefined && !required) return [];
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return fail(`device ${mac}: "${field}" must be a list of names`);
      return v as string[];
    };
    const resolution = d.resolution ?? [];
    if (!Array.isArray(resolution)) return fail(`device ${mac}: "resolution" must be a list of bit counts`);
    for (const bits of resolution) {
      if (typeof bits !== 'number' || !Number.isInteger(bits) || bits < 1 || bits > MAX_BITS) {
        fail(`device ${mac}: a "resolution" of ${JSON.stringify(bits)} bits is not an ADC resolution (1 to ${MAX_BITS} bits)`);
      }
    }
    const rate = d['sampling rate'];
    if (rate !== undefined && rate !== null && (typeof rate !== 'number' || !Number.isFinite(rate))) fail(`device ${mac}: "sampling rate" must be a number of Hz`);
    const position = d.position ?? 0;
    if (typeof position !== 'number' || !Number.isFinite(position)) return fail(`device ${mac}: "position" must be a number`);
    const text = (field: string): string | null => (typeof d[field] === 'string' ? (d[field] as string) : null);
    return [
      mac,
      {
        column: texts('column', true),
        sensor: texts('sensor', false),
        label: texts('label', false),
        resolution: resolution as number[],
        samplingRate: typeof rate === 'number' ? rate : 0,
        device: text('device') ?? '',
        date: text('date'),
        time: text('time'),
        position,
      },
    ];
  });
}

/**
 * `date` and `time` as OpenSignals writes them (`2016-6-11`, `7:5:4.409`: no zero padding) as a valid ISO
 * start time without a zone, or null when either is not a date or a time of day.
 */
export function pluxStartTime(date: string | null, time: string | null): string | null {
  return date === null || time === null ? null : isoFromParts(date, time);
}
