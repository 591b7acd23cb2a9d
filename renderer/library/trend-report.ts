/** The trend report for the recordings the Trends view shows, saved as a PDF the way the app saves reports. */
import type { LibraryEntry } from '../../core/library';
import { buildTrendReportHtml } from '../../core/report/trend';
import type { TagFilter } from '../../core/trends';
import type { PlatformApi } from '../../core/platform/api';

export async function saveTrendReport(platform: PlatformApi, recordings: readonly LibraryEntry[], filter: TagFilter): Promise<boolean> {
  const now = new Date();
  const html = buildTrendReportHtml({
    recordings,
    software: { name: 'TwitchScope', version: await platform.appVersion() },
    generatedAt: now.toISOString(),
    filter,
  });
  return platform.saveReportPdf(`twitchscope-trends-${now.toISOString().slice(0, 10)}.pdf`, html);
}
