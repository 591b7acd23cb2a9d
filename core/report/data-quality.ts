/** How clean each channel was, how much time was left out, and which channels had nothing to show. */
import type { Analysis } from '../analysis/types';
import type { UnusedChannel } from '../analysis/unused-channels';
import { formatAmount, formatDuration, formatHz, listInWords } from '../format';
import type { Recording } from '../recording';
import { esc, section, table } from './html';

const MAX_WARNINGS = 4;
/** Keeps the report within four pages however many channels a device has. */
const MAX_NOTES = 8;

/** `analysis` without its unused channels; `unused` are listed in one line with their reasons. */
export function dataQualitySection(rec: Recording, analysis: Analysis, unused: readonly UnusedChannel[]): string {
  const summaryOf = new Map(analysis.summary.channels.map((s) => [s.channel, s]));
  const rows = analysis.channels.map((c) => {
    const s = summaryOf.get(c.id);
    const accel = c.kind === 'accel';
    const unit = accel ? 'mg' : 'µV';
    const scale = accel ? 1000 : 1;
    return [
      esc(c.label),
      esc(c.site ?? 'not set'),
      formatHz(c.sampleRateHz),
      s ? formatDuration(s.analyzedS) : '–',
      s ? formatDuration(s.restS) : '–',
      s ? formatDuration(s.excludedS) : '–',
      s && s.noiseFloor > 0 ? formatAmount(s.noiseFloor * scale, unit) : '–',
      s?.mainsHz ? `${s.mainsHz} Hz` : accel ? 'n/a' : 'none found',
      s?.minDetectable !== undefined ? formatAmount(s.minDetectable * scale, unit) : '–',
    ];
  });
  const limits: string[] = [];
  if (rec.notRaw) limits.push(rec.notRaw);
  if (unused.length) limits.push(`Left out of the tables and charts: ${unusedInWords(unused)}.`);
  if (analysis.channels.some((c) => c.kind === 'emg'))
    limits.push('Surface EMG hears only muscle close to each electrode; deep or distant muscles and other body sites are not covered.');
  // The same note on many channels is said once, naming the channels.
  const byNote = new Map<string, string[]>();
  for (const s of analysis.summary.channels) {
    const label = analysis.channels.find((c) => c.id === s.channel)?.label ?? s.channel;
    for (const note of s.notes) byNote.set(note, [...(byNote.get(note) ?? []), label]);
  }
  const notes = [...byNote].map(([note, labels]) => {
    const who = labels.length > 3 ? `${labels.slice(0, 2).join(', ')} and ${labels.length - 2} more channels` : listInWords(labels);
    return `${who}: ${note}`;
  });
  limits.push(...notes.slice(0, MAX_NOTES));
  if (notes.length > MAX_NOTES) limits.push(`${notes.length - MAX_NOTES} more channel notes are in the analysis JSON.`);
  const gaps = rec.timing.filter((t) => t.gaps > 0);
  if (gaps.length > 0) {
    const gapS = gaps.reduce((m, t) => Math.max(m, t.gapS), 0);
    limits.push(`The recording has gaps (${formatDuration(gapS)} in all); nothing was detected in them.`);
  }
  if (rec.warnings.length > 0) {
    const shown = rec.warnings.slice(0, MAX_WARNINGS).map((w) => (w.line !== undefined ? `line ${w.line}: ${w.message}` : w.message));
    const more = rec.warnings.length > MAX_WARNINGS ? ` (and ${rec.warnings.length - MAX_WARNINGS} more)` : '';
    limits.push(`Import notes: ${shown.join('; ')}${more}.`);
  }
  return section(
    'quality',
    'Data quality',
    [
      table(['Channel', 'Site', 'Rate', 'Analysed', 'Rest', 'Excluded', 'Noise σ', 'Mains removed', 'Smallest detectable'], rows, new Set([2, 3, 4, 5, 6, 8])),
      `<ul class="limits">${limits.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`,
    ].join(''),
  );
}

/** "EXG 2, EXG 3 and EXG 4 (flat throughout (not connected?)); EXG 5 (no usable rest or activity)". */
function unusedInWords(unused: readonly UnusedChannel[]): string {
  const byReason = new Map<string, string[]>();
  for (const u of unused) byReason.set(u.reason, [...(byReason.get(u.reason) ?? []), u.label]);
  return [...byReason].map(([reason, labels]) => `${listInWords(labels)}: ${reason}`).join('; ');
}
