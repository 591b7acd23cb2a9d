import type { Recording } from '../recording';
import type { AnalysedChannel, Analysis, ChannelSummary, DetectedEvent, SiteSummary } from './types';

export const ANALYSIS_SCHEMA = 'twitchscope.analysis/2';

export interface AnalysisJson {
  schema: typeof ANALYSIS_SCHEMA;
  software: { name: 'twitchscope'; version: string };
  recording: {
    file: string;
    format: string;
    formatName: string;
    startTime: string | null;
    durationS: number;
    channels: AnalysedChannel[];
    warnings: string[];
    notRaw?: string;
  };
  events: DetectedEvent[];
  summary: { channels: ChannelSummary[]; sites: SiteSummary[] };
  parameters: Record<string, unknown>;
}

/**
 * The `twitchscope.analysis/2` document: the stable contract of the CLI, the app's export and later tools.
 * Version 2 (from 1): `twitchesPerMinute` may be null with `noRate` saying why, events may be `activity` with a
 * `pattern`, every EMG channel states `minDetectable`, and channel summaries give `activityS`. See the README.
 */
export function toAnalysisJson(rec: Recording, analysis: Analysis, version: string): AnalysisJson {
  return {
    schema: ANALYSIS_SCHEMA,
    software: { name: 'twitchscope', version },
    recording: {
      file: rec.file,
      format: rec.format,
      formatName: rec.formatName,
      startTime: rec.startTime,
      durationS: round(rec.durationS, 6),
      channels: analysis.channels.map((c) => ({
        id: c.id,
        label: c.label,
        kind: c.kind,
        unit: c.unit,
        sampleRateHz: round(c.sampleRateHz, 6),
        site: c.site,
        ...(c.axes ? { axes: c.axes } : {}),
      })),
      warnings: rec.warnings.map((w) =>
        w.line !== undefined ? `line ${w.line}${w.column !== undefined ? `, column ${w.column}` : ''}: ${w.message}` : w.message,
      ),
      ...(rec.notRaw ? { notRaw: rec.notRaw } : {}),
    },
    events: analysis.events,
    summary: analysis.summary,
    parameters: analysis.parameters,
  };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
