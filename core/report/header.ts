/** The report header: which recording, when, how long, from which device, for whom, and how it was made. */
import type { Recording } from '../recording';
import { formatDuration } from '../format';
import { CONTEXT_FIELDS, contextFacts, type RecordingContext } from '../review/context';
import { esc } from './html';

/** An ISO time as people read it: 2024-05-01 14:03:22 (+02:00); anything else is shown as given. */
export function readableTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(iso.trim());
  if (!m) return iso;
  const zone = m[3] === 'Z' ? ' UTC' : m[3] ? ` (${m[3]})` : '';
  return `${m[1]} ${m[2]}${zone}`;
}

export function headerHtml(
  rec: Recording,
  subject: string | undefined,
  generatedAt: string,
  software: { name: string; version: string },
  context?: RecordingContext,
  unusedCount = 0,
): string {
  // Channels the import set aside for want of a signal still count as what they were recorded as.
  const emg = rec.channels.filter((c) => c.kind === 'emg' || c.dead?.kindWas === 'emg').length;
  const acc = rec.sensors.length + new Set(rec.channels.filter((c) => c.dead?.kindWas === 'accel').map((c) => c.sensor)).size;
  const channels = [emg ? `${emg} EMG` : '', acc ? `${acc} accelerometer${acc === 1 ? '' : 's'}` : '']
    .filter(Boolean)
    .join(', ');
  const facts: Array<[string, string]> = [
    ['Recording', rec.file],
    ['Recorded', rec.startTime ? readableTime(rec.startTime) : 'date not stated in the file'],
    ['Duration', formatDuration(rec.durationS)],
    ['Device format', rec.formatName],
    ['Channels', `${channels || 'none analysed'}${unusedCount ? ` (${unusedCount} without signal, left out)` : ''}`],
  ];
  if (subject?.trim()) facts.unshift(['Name', subject.trim()]);
  const given = contextFacts(context);
  facts.push(...given);
  const missing = CONTEXT_FIELDS.filter((f) => !given.some(([label]) => label === f.label)).map((f) => f.label.toLowerCase());
  const note = missing.length ? `<p class="muted context-missing">Not entered: ${esc(missing.join(', '))}.</p>` : '';
  return [
    '<header>',
    '<div class="title-row">',
    `<h1>Muscle twitch recording report</h1>`,
    `<div class="generated">${esc(software.name)} ${esc(software.version)} · ${esc(readableTime(generatedAt))}</div>`,
    '</div>',
    `<dl class="facts">${facts.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join('')}</dl>`,
    note,
    '</header>',
  ].join('');
}
