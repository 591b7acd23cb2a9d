/** Twitches per minute of rest by site: chart and table with exact 95 % intervals. */
import type { Findings } from '../guidance/findings';
import { formatNumber } from '../guidance/numbers';
import { siteRatesChart } from './charts/site-rates';
import { esc, section, table } from './html';
import { rateInterval } from '../stats/poisson';

export function ratesSection(f: Findings): string {
  const rows = f.locations.map((l) => {
    const ci = rateInterval(l.twitchCount, l.restS);
    return [
      esc(l.name),
      String(l.channels.length),
      formatNumber(l.restS / 60),
      String(l.twitchCount),
      l.restS > 0 ? formatNumber(l.twitchesPerMinute) : '–',
      ci ? `${formatNumber(ci.lower)}–${formatNumber(ci.upper)}` : '–',
      String(l.sustainedCount),
    ];
  });
  const body = [
    f.locations.some((l) => l.restS > 0) ? `<figure>${siteRatesChart(f.locations)}</figure>` : '<p class="muted">No usable rest time on any channel.</p>',
    table(['Site', 'Channels', 'Rest (min)', 'Twitches', 'Per min', '95% interval', 'Sustained'], rows, new Set([1, 2, 3, 4, 5, 6])),
  ].join('');
  return section('rates', 'Twitches per minute of rest, by site', body);
}
