/** The representative waveforms, each captioned with what, where, when and how large. */
import { formatClock, formatDuration, formatNumber } from '../format';
import { snippetChart } from './charts/snippet';
import { esc, section } from './html';
import type { Snippet } from './snippets';

export function snippetsSection(snippets: readonly Snippet[]): string {
  if (snippets.length === 0) return section('snippets', 'Example waveforms', '<p>No events to show.</p>');
  const figures = snippets.map((s) => {
    const where = s.channel.site ?? s.channel.label;
    const noun = s.channel.kind === 'accel' ? 'Brief movement' : 'Twitch-like event';
    const what = s.kind === 'twitch' ? (s.event.multiplet && s.event.multiplet > 1 ? `${noun} (${s.event.multiplet} potentials)` : noun) : 'Sustained activity, onset';
    const scale = s.channel.unit === 'g' ? 1000 : 1;
    const size =
      s.kind === 'twitch'
        ? `${formatNumber(s.event.amplitude * scale)} ${s.unit}, ${formatNumber(s.event.snr)}× noise`
        : `lasts ${formatDuration(s.event.endS - s.event.startS)}${s.event.rms !== undefined ? `, RMS ${formatNumber(s.event.rms * scale)} ${s.unit}` : ''}`;
    const axis = s.channel.kind === 'accel' && s.axis ? ` · ${s.axis} axis` : '';
    return [
      '<figure class="snippet">',
      snippetChart(s),
      `<figcaption><b>${esc(what)}</b> · ${esc(where)} · ${formatClock(s.kind === 'twitch' ? s.event.peakS : s.event.startS)}<br>${esc(size)}${esc(axis)}</figcaption>`,
      '</figure>',
    ].join('');
  });
  return section(
    'snippets',
    'Example waveforms',
    `<div class="snippets">${figures.join('')}</div><p class="muted">Grey band: the detected event. Bars: time and amplitude scale. Shown filtered as analysed: ${esc(filtersInWords(snippets))}.</p>`,
  );
}

/** Each display filter once ("EMG 20–450 Hz, 50 Hz notched; accelerometer 5–45 Hz"): captions stay two lines. */
function filtersInWords(snippets: readonly Snippet[]): string {
  const seen = new Set<string>();
  for (const s of snippets) seen.add(`${s.channel.kind === 'emg' ? 'EMG' : 'accelerometer'} ${s.band}`);
  return [...seen].join('; ');
}
