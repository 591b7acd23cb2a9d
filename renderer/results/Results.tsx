import { useMemo } from 'react';
import { hourlyRest } from '../../core/analysis/hourly-rest';
import { noRateWords, tells } from '../../core/analysis/site-summary';
import type { Analysis } from '../../core/analysis/types';
import { agreementOf, agreementSummary, precisionPhrase } from '../../core/review/agreement';
import { capitalise, formatDuration, formatNumber } from '../../core/format';
import { ActivityTable, QualityTable } from './ChannelTables';
import { HourlyRest } from './HourlyRest';
import { rateRows } from './rate-rows';
import { SiteBars } from './SiteBars';
import { TwitchesOverTime } from './TwitchesOverTime';

/** The numbers a clinician reads first: rates by site, their course over time, sustained episodes, data quality. */
export function Results({ analysis, durationS, startTime }: { analysis: Analysis; durationS: number; startTime: string | null }) {
  const rows = rateRows(analysis);
  const hours = useMemo(() => hourlyRest(analysis, startTime), [analysis, startTime]);
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
                <td className="num" data-testid="site-count">{tells(s) ? s.twitchCount : '–'}</td>
                <td className="num">{tells(s) ? formatDuration(s.restS) : '–'}</td>
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

      {hours && (
        <section className="card" aria-labelledby="r-hourly" data-testid="hourly">
          <h2 id="r-hourly">Twitches per hour of rest, hour by hour</h2>
          <HourlyRest hours={hours} />
        </section>
      )}

      <section className="card" aria-labelledby="r-sustained">
        <h2 id="r-sustained">Sustained episodes and other activity</h2>
        <ActivityTable analysis={analysis} />
      </section>

      <section className="card" aria-labelledby="r-quality">
        <h2 id="r-quality">Data quality</h2>
        <QualityTable analysis={analysis} />
      </section>
    </div>
  );
}
