/**
 * Stretches of sustained activity and of muscle use, the longest first when there are more than fit. The
 * signal cannot tell a cramp from ordinary use of the muscle, so neither is called a cramp.
 */
import type { Analysis, DetectedEvent } from '../analysis/types';
import { formatClock, formatDuration, formatNumber } from '../format';
import { esc, section, table } from './html';

const MAX_ROWS = 10;

function kindOf(e: DetectedEvent): string {
  if (e.type === 'activity') return `muscle use${e.pattern ? `: ${e.pattern}` : ''}${e.rhythmHz ? ` ${formatNumber(e.rhythmHz)} Hz` : ''}`;
  return 'sustained';
}

/** What sustained activity may have been, for the sensors that recorded it. */
function cannotTell(analysis: Analysis): string {
  const kinds = new Set(analysis.events.filter((e) => e.type === 'sustained').map((e) => analysis.channels.find((c) => c.id === e.channel)?.kind));
  const options = [kinds.has('emg') ? 'a cramp or ordinary use of the muscle' : '', kinds.has('accel') ? (kinds.has('emg') ? 'on an accelerometer also a tremor or movement' : 'a cramp, a tremor or movement') : '']
    .filter(Boolean)
    .join(', or ');
  return options ? `The signal cannot tell whether sustained activity was ${options}.` : '';
}

export function sustainedSection(analysis: Analysis): string {
  const chOf = new Map(analysis.channels.map((c) => [c.id, c]));
  const spans = analysis.events.filter((e) => (e.type === 'sustained' || e.type === 'activity') && e.review !== 'rejected');
  const title = 'Sustained activity';
  if (spans.length === 0) return section('sustained', title, '<p>None found.</p>');
  const shown = [...spans]
    .sort((a, b) => b.endS - b.startS - (a.endS - a.startS))
    .slice(0, MAX_ROWS)
    .sort((a, b) => a.startS - b.startS);
  const rows = shown.map((e) => {
    const ch = chOf.get(e.channel);
    const unit = ch?.unit === 'g' ? 'mg' : 'µV';
    const scale = ch?.unit === 'g' ? 1000 : 1;
    return [
      esc(ch?.site ?? ch?.label ?? e.channel),
      esc(kindOf(e)),
      formatClock(e.startS),
      formatDuration(e.endS - e.startS),
      e.rms !== undefined ? `${formatNumber(e.rms * scale)} ${unit}` : '–',
      `${formatNumber(e.amplitude * scale)} ${unit}`,
      e.density !== undefined ? `${formatNumber(e.density)}/s` : '–',
    ];
  });
  const more = spans.length > MAX_ROWS ? ` The ${MAX_ROWS} longest of ${spans.length} are listed; the events CSV has all of them.` : '';
  const hasUse = spans.some((e) => e.type === 'activity');
  const key = hasUse
    ? 'Muscle use: the regular firing of voluntary use (tonic), rhythmic bursts (tremor) or a contraction. Sustained: dense activity without that pattern. '
    : '';
  return section(
    'sustained',
    title,
    table(['Site', 'Kind', 'Starts at', 'Lasts', 'RMS', 'Peak', 'Spike density'], rows, new Set([2, 3, 4, 5, 6])) +
      `<p class="muted">${esc(key)}${esc(cannotTell(analysis))}${esc(more)}</p>`,
  );
}
