import { hasRate, noRateWords } from '../core/analysis/site-summary';
import type { Analysis } from '../core/analysis/types';
import { LEVEL_LABELS, type GuidanceItem } from '../core/guidance/rules';
import type { Recording } from '../core/recording';
import { formatAmount, formatDuration, formatHz, formatMegabytes, formatNumber, formatRate } from '../core/format';

/** Human-readable text for the terminal: the same facts as the JSON, laid out to be read. */


function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd()).join('\n');
}

export function describeRecording(rec: Recording): string {
  const lines = [
    `${rec.file}`,
    `  format     ${rec.formatName} (${rec.format})`,
    `  start      ${rec.startTime ?? 'not stated in the file'}`,
    `  duration   ${formatDuration(rec.durationS)}`,
    `  size       ${formatMegabytes(rec.sizeBytes)}`,
    '',
  ];
  const rows = [['channel', 'label', 'kind', 'unit', 'rate', 'samples', 'gaps']];
  for (const c of rec.channels) {
    let nan = 0;
    for (let i = 0; i < c.data.length; i++) if (c.data[i] !== c.data[i]) nan++;
    rows.push([c.id, c.label, c.kind, c.unit || '-', formatHz(c.sampleRateHz), String(c.data.length), nan ? `${((100 * nan) / Math.max(1, c.data.length)).toFixed(1)}%` : '-']);
  }
  lines.push(table(rows).replace(/^/gm, '  '));
  if (rec.sensors.length) {
    lines.push('', `  accelerometers: ${rec.sensors.map((s) => `${s.id} = ${s.label} (${s.axes.join('/')})`).join('; ')}`);
  }
  if (rec.annotations?.length) {
    const shown = rec.annotations.slice(0, 10).map((a) => `   - ${a.onsetS.toFixed(3)} s${a.durationS ? ` (${a.durationS} s)` : ''}: ${a.text}`);
    const more = rec.annotations.length - shown.length;
    lines.push('', `  annotations: ${rec.annotations.length}`, ...shown, ...(more > 0 ? [`   … and ${more} more`] : []));
  }
  if (rec.notRaw) lines.push('', `  note: ${rec.notRaw}`);
  if (rec.warnings.length) {
    lines.push('', '  warnings:');
    for (const w of rec.warnings) lines.push(`   - ${w.line !== undefined ? `line ${w.line}${w.column !== undefined ? `, column ${w.column}` : ''}: ` : ''}${w.message}`);
  }
  return lines.join('\n');
}

/** Activity on a channel: its time and the patterns seen, e.g. "62 s tonic". */
function activityText(analysis: Analysis, channel: string): string {
  const spans = analysis.events.filter((e) => e.channel === channel && e.type === 'activity');
  if (spans.length === 0) return '-';
  const seconds = spans.reduce((t, e) => t + (e.endS - e.startS), 0);
  return `${formatDuration(seconds)} ${[...new Set(spans.map((e) => e.pattern))].join('/')}`;
}

export function describeAnalysis(rec: Recording, analysis: Analysis): string {
  const lines = [`${rec.file}: ${rec.formatName}, ${formatDuration(rec.durationS)}${rec.startTime ? `, from ${rec.startTime}` : ''}`];
  if (analysis.channels.length === 0) {
    lines.push('  no EMG or accelerometer channel to analyse' + (rec.notRaw ? `: ${rec.notRaw}` : ''));
    return lines.join('\n');
  }
  const rows = [['channel', 'site', 'rest', 'twitches', 'per min', 'sustained', 'activity', 'noise floor', 'smallest twitch', 'mains']];
  for (const s of analysis.summary.channels) {
    const ch = analysis.channels.find((c) => c.id === s.channel)!;
    rows.push([
      `${s.channel} (${ch.label})`,
      s.site ?? '-',
      formatDuration(s.restS),
      String(s.twitchCount),
      hasRate(s) ? formatNumber(s.twitchesPerMinute) : noRateWords(s),
      s.sustainedCount ? `${s.sustainedCount} (${formatDuration(s.sustainedS)})` : '0',
      activityText(analysis, s.channel),
      s.noiseFloor ? formatAmount(s.noiseFloor, ch.unit) : '-',
      s.minDetectable !== undefined ? formatAmount(s.minDetectable, ch.unit) : '-',
      s.mainsHz ? `${s.mainsHz} Hz` : '-',
    ]);
  }
  lines.push(table(rows).replace(/^/gm, '  '));
  if (analysis.summary.sites.length) {
    lines.push('', '  by site:');
    for (const s of analysis.summary.sites) {
      const rate = hasRate(s) ? `${s.twitchCount} twitches in ${formatDuration(s.restS)} of rest = ${formatRate(s.twitchesPerMinute)}` : `${noRateWords(s)}: no twitch rate`;
      lines.push(`   ${s.site}: ${rate}; ${s.sustainedCount} sustained episode${s.sustainedCount === 1 ? '' : 's'}`);
    }
  }
  // The same note on several channels is said once, naming them all.
  const notes = new Map<string, string[]>();
  for (const s of analysis.summary.channels) for (const n of s.notes) notes.set(n, [...(notes.get(n) ?? []), s.channel]);
  if (notes.size) {
    lines.push('', '  notes:');
    for (const [n, chans] of notes) lines.push(`   - ${chans.length === analysis.summary.channels.length && chans.length > 1 ? 'all channels' : chans.join(', ')}: ${n}`);
  }
  if (rec.warnings.length) lines.push('', `  ${rec.warnings.length} import warning${rec.warnings.length === 1 ? '' : 's'} (see "twitchscope info ${rec.file}")`);
  lines.push('', '  TwitchScope describes signals; it does not diagnose.');
  return lines.join('\n');
}

/** The guidance items the checklist answers chose, most urgent first, each with why. */
export function describeGuidance(items: readonly GuidanceItem[]): string {
  const lines = ['  guidance (from your checklist answers and the findings):'];
  for (const i of items) lines.push(`   - ${LEVEL_LABELS[i.level]}: ${i.title}. ${i.reason}`);
  return lines.join('\n');
}
