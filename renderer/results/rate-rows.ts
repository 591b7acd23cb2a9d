import type { Analysis, NoRate } from '../../core/analysis/types';
import { capitalise } from '../../core/format';

/** One line of the rates chart and table: a body site, or a channel nobody gave a site, under its own name. */
export interface RateRow {
  name: string;
  twitchCount: number;
  twitchesPerMinute: number | null;
  noRate?: NoRate;
  restS: number;
  sustainedCount: number;
}

export function rateRows(analysis: Analysis): RateRow[] {
  const rows: RateRow[] = analysis.summary.sites.map((s) => ({
    name: capitalise(s.site),
    twitchCount: s.twitchCount,
    twitchesPerMinute: s.twitchesPerMinute,
    ...(s.noRate ? { noRate: s.noRate } : {}),
    restS: s.restS,
    sustainedCount: s.sustainedCount,
  }));
  const label = new Map(analysis.channels.map((c) => [c.id, c.label]));
  for (const c of analysis.summary.channels) {
    if (c.site) continue;
    rows.push({
      name: `${label.get(c.channel) ?? c.channel} (no site)`,
      twitchCount: c.twitchCount,
      twitchesPerMinute: c.twitchesPerMinute,
      ...(c.noRate ? { noRate: c.noRate } : {}),
      restS: c.restS,
      sustainedCount: c.sustainedCount,
    });
  }
  return rows;
}
