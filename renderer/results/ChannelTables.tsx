import type { Analysis, DetectedEvent } from '../../core/analysis/types';
import { capitalise, formatAmount, formatDuration, listInWords } from '../../core/format';

function channelName(label: string, site: string | null): string {
  return site ? `${capitalise(site)} (${label})` : label;
}

/** "1 min 58 s (tonic)": time in activity spans and the patterns named, or a dash. */
function activityText(activityS: number | undefined, events: readonly DetectedEvent[]): string {
  if (!activityS) return '–';
  const patterns = [...new Set(events.map((e) => e.pattern).filter((p): p is NonNullable<typeof p> => p !== undefined))];
  return `${formatDuration(activityS)}${patterns.length ? ` (${listInWords(patterns)})` : ''}`;
}

/**
 * Per channel: sustained, cramp-like episodes and other activity (voluntary contraction, tremor), the time
 * that is not rest and so not counted in a twitch rate.
 */
export function ActivityTable({ analysis }: { analysis: Analysis }) {
  const label = new Map(analysis.channels.map((c) => [c.id, c.label]));
  return (
    <table className="grid" data-testid="activity-table">
      <thead>
        <tr>
          <th scope="col">Channel</th>
          <th scope="col" className="num">Sustained</th>
          <th scope="col" className="num">Total</th>
          <th scope="col" className="num">Longest</th>
          <th scope="col" className="num">Other activity</th>
        </tr>
      </thead>
      <tbody>
        {analysis.summary.channels.map((s) => {
          const mine = analysis.events.filter((e) => e.channel === s.channel && e.review !== 'rejected');
          const longest = mine.filter((e) => e.type === 'sustained').reduce((m, e) => Math.max(m, e.endS - e.startS), 0);
          return (
            <tr key={s.channel} data-testid="activity-row" data-channel={s.channel}>
              <td>{channelName(label.get(s.channel) ?? s.channel, s.site)}</td>
              <td className="num">{s.sustainedCount}</td>
              <td className="num">{s.sustainedCount ? formatDuration(s.sustainedS) : '–'}</td>
              <td className="num">{s.sustainedCount ? formatDuration(longest) : '–'}</td>
              <td className="num" data-testid="activity-time">{activityText(s.activityS, mine.filter((e) => e.type === 'activity'))}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Per channel: how quiet it was, the smallest twitch it could show, hum, and how much was analysed. */
export function QualityTable({ analysis }: { analysis: Analysis }) {
  const byId = new Map(analysis.channels.map((c) => [c.id, c]));
  return (
    <>
      <table className="grid" data-testid="quality-table">
        <thead>
          <tr>
            <th scope="col">Channel</th>
            <th scope="col" className="num">Noise floor</th>
            <th scope="col" className="num">Smallest twitch</th>
            <th scope="col">Mains hum</th>
            <th scope="col" className="num">Analysed</th>
            <th scope="col" className="num">Excluded</th>
          </tr>
        </thead>
        <tbody>
          {analysis.summary.channels.map((s) => {
            const ch = byId.get(s.channel);
            return (
              <tr key={s.channel}>
                <td>{channelName(ch?.label ?? s.channel, s.site)}</td>
                <td className="num">{s.noiseFloor > 0 ? formatAmount(s.noiseFloor, ch?.unit ?? '') : '–'}</td>
                <td className="num">{s.minDetectable !== undefined ? formatAmount(s.minDetectable, ch?.unit ?? '') : '–'}</td>
                <td>{s.mainsHz ? `${s.mainsHz} Hz (see notes)` : 'none found'}</td>
                <td className="num">{formatDuration(s.analyzedS)}</td>
                <td className="num">{formatDuration(s.excludedS)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {analysis.summary.channels.some((s) => s.notes.length > 0) && (
        <ul className="note-list">
          {analysis.summary.channels.flatMap((s) => s.notes.map((n, i) => <li key={`${s.channel}-${i}`}>{`${byId.get(s.channel)?.label ?? s.channel}: ${n}`}</li>))}
        </ul>
      )}
    </>
  );
}
