/** Events per minute of rest by site: chart and table with their 95 % intervals and how much they cluster. */
import { cannotTellEverywhere, noRateWords, nothingTells, tells } from '../analysis/site-summary';
import type { Findings } from '../guidance/findings';
import { capitalise, formatNumber } from '../format';
import { eventNoun } from '../guidance/phrases';
import { siteRatesChart } from './charts/site-rates';
import { esc, section, table } from './html';

export function ratesSection(f: Findings): string {
  const noun = eventNoun(f.onlyAccelerometer);
  const title = capitalise(noun);
  const rows = f.locations.map((l) => [
    esc(l.name),
    String(l.channels.length),
    tells(l) ? formatNumber(l.restS / 60) : '–',
    tells(l) ? String(l.twitchCount) : '–',
    l.noRate ? noRateWords(l) : l.restS > 0 ? formatNumber(l.twitchesPerMinute) : '–',
    l.interval ? `${formatNumber(l.interval.lower)}–${formatNumber(l.interval.upper)}` : '–',
    l.dispersion === null ? '–' : l.dispersion.toFixed(1),
    String(l.sustainedCount),
  ]);
  const body = [
    f.locations.some((l) => l.restS > 0 && !l.noRate) ? `<figure>${siteRatesChart(f.locations, noun)}</figure>` : `<p class="muted">${noRateSentence(f)}</p>`,
    table(['Site', 'Channels', 'Rest (min)', title, 'Per min', '95% interval', 'Dispersion', 'Sustained'], rows, new Set([1, 2, 3, 4, 5, 6, 7])),
    '<p class="muted">Rest: the time the program kept after leaving out activity, artifacts, movement and gaps; it does not confirm the muscle was relaxed. ' +
      'Dispersion: how much more the counts in 30 s stretches of rest vary than independent events would (1 = as expected); above 1 the interval is widened to match. ' +
      '– : too few stretches to check, and the interval then assumes independent events.</p>',
  ].join('');
  return section('rates', `${title} per minute of rest, by site`, body);
}

/** Why no site has a rate: every channel could not tell, or none had rest to count in. */
function noRateSentence(f: Findings): string {
  if (nothingTells(f.locations)) return `Cannot tell: ${cannotTellEverywhere(f.onlyAccelerometer, eventNoun(f.onlyAccelerometer))}, so no rate is given.`;
  return 'No rest: no channel had enough rest to count twitches in, so no rate is given.';
}
