/** Table of sustained, cramp-like episodes; the longest first when there are more than fit. */
import type { Analysis } from '../analysis/types';
import { formatClock, formatDuration, formatNumber } from '../guidance/numbers';
import { esc, section, table } from './html';

const MAX_ROWS = 10;

export function sustainedSection(analysis: Analysis): string {
  const chOf = new Map(analysis.channels.map((c) => [c.id, c]));
  const episodes = analysis.events.filter((e) => e.type === 'sustained' && e.review !== 'rejected');
  if (episodes.length === 0) return section('sustained', 'Sustained, cramp-like episodes', '<p>None found.</p>');
  const shown = [...episodes]
    .sort((a, b) => b.endS - b.startS - (a.endS - a.startS))
    .slice(0, MAX_ROWS)
    .sort((a, b) => a.startS - b.startS);
  const rows = shown.map((e) => {
    const ch = chOf.get(e.channel);
    const unit = ch?.unit === 'g' ? 'mg' : 'µV';
    const scale = ch?.unit === 'g' ? 1000 : 1;
    return [
      esc(ch?.site ?? ch?.label ?? e.channel),
      formatClock(e.startS),
      formatDuration(e.endS - e.startS),
      e.rms !== undefined ? `${formatNumber(e.rms * scale)} ${unit}` : '–',
      `${formatNumber(e.amplitude * scale)} ${unit}`,
      e.density !== undefined ? `${formatNumber(e.density)}/s` : '–',
    ];
  });
  const more = episodes.length > MAX_ROWS ? `<p class="muted">The ${MAX_ROWS} longest of ${episodes.length} episodes are listed; the events CSV has all of them.</p>` : '';
  return section(
    'sustained',
    'Sustained, cramp-like episodes',
    table(['Site', 'Starts at', 'Lasts', 'RMS', 'Peak', 'Spike density'], rows, new Set([1, 2, 3, 4, 5])) + more,
  );
}
