import type { Analysis } from './types';

const COLUMNS = ['channel', 'site', 'type', 'startS', 'endS', 'peakS', 'amplitude', 'snr', 'multiplet', 'reason', 'review'] as const;

/** One row per event, for spreadsheets: times in seconds from the first sample. */
export function eventsToCsv(analysis: Analysis): string {
  const siteOf = new Map(analysis.channels.map((c) => [c.id, c.site ?? '']));
  const lines = [COLUMNS.join(',')];
  for (const e of analysis.events) {
    lines.push(
      [
        csvCell(e.channel),
        csvCell(siteOf.get(e.channel) ?? ''),
        e.type,
        e.startS.toFixed(4),
        e.endS.toFixed(4),
        e.peakS.toFixed(4),
        formatNumber(e.amplitude),
        e.snr.toFixed(2),
        e.multiplet ?? '',
        e.reason ?? '',
        e.review ?? '',
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

function csvCell(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function formatNumber(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(6))) : '';
}
