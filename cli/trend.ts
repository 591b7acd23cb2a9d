/**
 * `twitchscope trend FILE... --report OUT.pdf|html`: several recordings of the same person, analysed like a
 * batch, then compared over time. With one usable recording there is no trend: the ordinary report is written.
 */
import path from 'node:path';
import { formatRate } from '../core/format';
import { normaliseTags } from '../core/library/tags';
import { buildTrendReportHtml } from '../core/report/trend';
import { firstToLatest } from '../core/trends/first-last';
import { placeInTime, rateSeries, type TrendRecording } from '../core/trends/series';
import { analyseFiles, entryOfResult, type BatchArgs, type BatchRun } from './batch';
import { say, warn } from './terminal';

export interface TrendArgs extends BatchArgs {
  report?: string;
  subject?: string;
  /** Tags by file name (base name or as given). */
  tags?: Record<string, string[]>;
}

export interface TrendHooks {
  /** Writes the report HTML (or its PDF, by the file name) to `file`. */
  writeReport(file: string, html: string): Promise<void>;
  /** The ordinary one-recording analysis and report, for when only one recording could be read. */
  single(file: string): Promise<void>;
}

export async function trendCommand(paths: readonly string[], args: TrendArgs, hooks: TrendHooks): Promise<BatchRun> {
  const run = await analyseFiles(paths, args, () => (args.report ? [{ flag: '--report', path: args.report }] : []));
  const analysedAt = new Date().toISOString();
  const ok = run.results.flatMap((r, i) => (r.ok ? [{ file: run.files[i], entry: entryOfResult(run.files[i], r, analysedAt) }] : []));
  if (ok.length === 1) {
    warn(`twitchscope: a trend needs two or more recordings; ${args.report ? 'writing the single-recording report' : 'showing the single recording'}\n`);
    await hooks.single(ok[0].file);
    return run;
  }
  if (ok.length === 0) return run;
  const tagsOf = (file: string): string[] => normaliseTags([...(args.tags?.[file] ?? []), ...(args.tags?.[path.basename(file)] ?? [])]);
  const recordings: TrendRecording[] = ok.map((o) => ({ ...o.entry, tags: tagsOf(o.file) }));
  if (!args.quiet) say(describeTrend(recordings) + '\n');
  if (args.report) {
    const html = buildTrendReportHtml({
      recordings,
      ...(args.subject ? { subject: args.subject } : {}),
      software: { name: 'TwitchScope', version: args.version },
      generatedAt: analysedAt,
    });
    await hooks.writeReport(args.report, html);
  }
  return run;
}

/** The trend in a few lines for the terminal: each site's latest recording against its first. */
export function describeTrend(recordings: readonly TrendRecording[]): string {
  const { dated, undated } = placeInTime(recordings);
  const lines = [`${recordings.length} recordings${dated.length ? `, ${dated[0].recording.startTime} to ${dated[dated.length - 1].recording.startTime}` : ''}`];
  const rates = rateSeries(dated);
  for (const s of rates) {
    lines.push(`  ${s.site}: ${s.points.map((p) => formatRate(p.rate)).join(' → ')}`);
  }
  const changes = firstToLatest(rates);
  if (changes.length) lines.push('', ...changes.map((c) => `  ${c.site}, latest against first: ${c.comparison.text}`));
  if (undated.length) lines.push('', `  not placed in time (no start date in the file): ${undated.map((r) => r.name).join(', ')}`);
  lines.push('', '  TwitchScope describes signals; it does not diagnose.');
  return lines.join('\n');
}
