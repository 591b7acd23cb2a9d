import { csvTable, type CsvValue } from '../csv/write';
import type { Analysis } from './types';

const COLUMNS = ['channel', 'site', 'type', 'startS', 'endS', 'peakS', 'amplitude', 'snr', 'multiplet', 'reason', 'review'] as const;

/** One row per event, for spreadsheets: times in seconds from the first sample. */
export function eventsToCsv(analysis: Analysis): string {
  const siteOf = new Map(analysis.channels.map((c) => [c.id, c.site ?? '']));
  return csvTable(
    COLUMNS,
    analysis.events.map((e): CsvValue[] => [
      e.channel,
      siteOf.get(e.channel) ?? '',
      e.type,
      e.startS.toFixed(4),
      e.endS.toFixed(4),
      e.peakS.toFixed(4),
      formatNumber(e.amplitude),
      e.snr.toFixed(2),
      e.multiplet,
      e.reason,
      e.review,
    ]),
  );
}

function formatNumber(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(6))) : '';
}
