import { csvTable, type CsvValue } from '../csv/write';
import type { Recording } from '../recording';
import { absoluteTime } from './absolute-time';
import type { Analysis } from './types';

/**
 * The events table, one row per event: the wall-clock time of its start (ISO 8601 with zone), seconds from
 * the recording's first sample, and every field needed to restore the review onto the same recording
 * (`core/review/events-in.ts`), which the last column names by its content fingerprint. Times and values
 * are written in full (shortest exact form), so reading them back gives the same numbers.
 */
export const EVENT_COLUMNS = [
  'channel',
  'site',
  'type',
  'review',
  'time',
  'startS',
  'durationS',
  'peakS',
  'endS',
  'amplitude',
  'unit',
  'snr',
  'multiplet',
  'reason',
  'recording',
] as const;

export function eventsToCsv(analysis: Analysis, recording: Pick<Recording, 'startTime' | 'fingerprint'>): string {
  const channelOf = new Map(analysis.channels.map((c) => [c.id, c]));
  return csvTable(
    EVENT_COLUMNS,
    analysis.events.map((e): CsvValue[] => {
      const c = channelOf.get(e.channel);
      return [
        e.channel,
        c?.site ?? '',
        e.type,
        e.review ?? '',
        absoluteTime(recording.startTime, e.startS) ?? '',
        e.startS,
        Math.round((e.endS - e.startS) * 1e9) / 1e9,
        e.peakS,
        e.endS,
        e.amplitude,
        c?.unit ?? '',
        e.snr,
        e.multiplet,
        e.reason,
        recording.fingerprint,
      ];
    }),
  );
}
