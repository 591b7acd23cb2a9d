import { noRateWords } from '../../core/analysis/site-summary';
import type { Analysis } from '../../core/analysis/types';
import { agreementOf, agreementSummary, precisionPhrase } from '../../core/review/agreement';
import { capitalise, formatAmount, formatDuration, formatNumber } from '../../core/format';
import { rateRows } from './rate-rows';
import { SiteBars } from './SiteBars';
import { TwitchesOverTime } from './TwitchesOverTime';

/** The numbers a clinician reads first: rates by site, their course over time, sustained episodes, data quality. */
export function Results({ analysis, durationS }: { analysis: Analysis; durationS: number }) {
  const label = new Map(analysis.channels.map((c) => [c.id, c]));
  const sustained = analysis.summary.channels.map((s) => {
    const eps = analysis.events.filter((e) => e.channel === s.channel && e.type === 'sustained' && e.review !== 'rejected');
    return { s, longest: eps.reduce((m, e) => Math.max(m, e.endS - e.startS), 0) };
  });
  const rows = rateRows(analysis);
  const agreement = agreementOf(analysis);
  const precision = precisionPhrase(agreement);
  return (
    <div className="results" data-testid="results">
      <section className="card wide" aria-labelledby="r-review">
        <h2 id="r-review">Your review of the twitches</h2>
        <p data-testid="agreement" data-status={agreement.status}>
          {agreement.status === 'not-reviewed' ? `Not reviewed yet: ${agreement.detected} detected, none confirmed or rejected.` : `${capitalise(agreementSummary(agreement))}.`}
          {precision && ` ${capitalise(precision)} on this recording.`}
        </p>
      </section>
      <section className="card" aria-labelledby="r-sites">
        <h2 id="r-sites">Twitches per minute of rest, by site</h2>
        <SiteBars rows={rows} />
        <table className="grid" data-testid="site-table" style={{ marginTop: 8 }}>
          <thead>
            <tr>
              <th scope="col">Site</th>
              <th scope="col" className="num">Twitches</th>
              <th scope="col" className="num">Rest</th>
              <th scope="col" className="num">Per minute of rest</th>
              <th scope="col" className="num">Sustained</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.name} data-testid="site-row" data-site={s.name.toLowerCase()}>
                <th scope="row">{s.name}</th>
                <td className="num" data-testid="site-count">{s.twitchCount}</td>
                <td className="num">{formatDuration(s.restS)}</td>
                <td className="num" data-testid="site-rate">{s.twitchesPerMinute === null ? noRateWords(s) : formatNumber(s.twitchesPerMinute)}</td>
                <td className="num">{s.sustainedCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="r-time">
        <h2 id="r-time">Twitches over time</h2>
        <TwitchesOverTime analysis={analysis} durationS={durationS} />
      </section>

      <section className="card" aria-labelledby="r-sustained">
        <h2 id="r-sustained">Sustained, cramp-like episodes</h2>
        <table className="grid">
          <thead>
            <tr>
              <th scope="col">Channel</th>
              <th scope="col" className="num">Episodes</th>
              <th scope="col" className="num">Total</th>
              <th scope="col" className="num">Longest</th>
            </tr>
          </thead>
          <tbody>
            {sustained.map(({ s, longest }) => (
              <tr key={s.channel}>
                <td>{channelName(label.get(s.channel)?.label ?? s.channel, s.site)}</td>
                <td className="num">{s.sustainedCount}</td>
                <td className="num">{s.sustainedCount ? formatDuration(s.sustainedS) : '–'}</td>
                <td className="num">{s.sustainedCount ? formatDuration(longest) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="r-quality">
        <h2 id="r-quality">Data quality</h2>
        <table className="grid" data-testid="quality-table">
          <thead>
            <tr>
              <th scope="col">Channel</th>
              <th scope="col" className="num">Noise floor</th>
              <th scope="col" className="num">Smallest twitch</th>
              <th scope="col">Mains</th>
              <th scope="col" className="num">Analysed</th>
              <th scope="col" className="num">Excluded</th>
            </tr>
          </thead>
          <tbody>
            {analysis.summary.channels.map((s) => {
              const ch = label.get(s.channel);
              return (
                <tr key={s.channel}>
                  <td>{channelName(ch?.label ?? s.channel, s.site)}</td>
                  <td className="num">{s.noiseFloor > 0 ? formatAmount(s.noiseFloor, ch?.unit ?? '') : '–'}</td>
                  <td className="num">{s.minDetectable !== undefined ? formatAmount(s.minDetectable, ch?.unit ?? '') : '–'}</td>
                  <td>{s.mainsHz ? `${s.mainsHz} Hz found, removed` : 'none found'}</td>
                  <td className="num">{formatDuration(s.analyzedS)}</td>
                  <td className="num">{formatDuration(s.excludedS)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {analysis.summary.channels.some((s) => s.notes.length > 0) && (
          <ul className="note-list">
            {analysis.summary.channels.flatMap((s) => s.notes.map((n, i) => <li key={`${s.channel}-${i}`}>{`${label.get(s.channel)?.label ?? s.channel}: ${n}`}</li>))}
          </ul>
        )}
      </section>
    </div>
  );
}

function channelName(label: string, site: string | null): string {
  return site ? `${capitalise(site)} (${label})` : label;
}
