/** How library facts are written in the list and the trends. */
import { hasRate, noRateWords } from '../../core/analysis/site-summary';
import { formatRate } from '../../core/format';
import type { LibrarySite } from '../../core/library';
import { calendarMs, dayLabel } from '../../core/trends';

/** "5 Jan 2026 08:00" as the device's clock wrote it, or "no date". */
export function startLabel(iso: string | null): string {
  const ms = calendarMs(iso);
  if (!Number.isFinite(ms)) return 'no date';
  const d = new Date(ms);
  return `${dayLabel(ms)} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

/** "left calf 2.4/min", or why the site has no rate ("left calf: no rest", "left calf: cannot tell"). */
export function siteRateLabel(s: LibrarySite): string {
  return hasRate(s) ? `${s.site} ${formatRate(s.twitchesPerMinute)}` : `${s.site}: ${noRateWords(s)}`;
}
