import Papa from 'papaparse';
import type { DetectedEvent, EventType } from '../analysis/types';
import { EVENT_PREFIX, parseEventText, SOURCE_PREFIX } from '../export/edf/event-text';
import { ImportError } from '../import/errors';
import { familyOf } from '../import/formats/edf/header';
import { readEdfAnnotations } from '../import/formats/edf/read';
import type { ByteSource } from '../import/source';
import { createDecoder } from '../import/text';

/**
 * Events written by TwitchScope, read back: the events CSV (`core/analysis/events-csv.ts`) or an EDF+/BDF+
 * export's annotations (`core/export/edf`). Either names the recording it came from by fingerprint.
 */
export interface EventsFile {
  /** Fingerprint of the recording the events were found in; null when the file does not say. */
  fingerprint: string | null;
  events: ImportedEvent[];
}

export interface ImportedEvent {
  channel: string;
  site: string | null;
  type: EventType;
  review: DetectedEvent['review'];
  startS: number;
  endS: number;
  peakS: number;
  amplitude: number;
}

const TYPES: readonly string[] = ['twitch', 'sustained', 'activity', 'artifact', 'movement'];
const REVIEWS: readonly string[] = ['', 'confirmed', 'rejected', 'added'];
const HINT = 'choose an events CSV or EDF+ file that TwitchScope exported';

export async function readEventsFile(source: ByteSource): Promise<EventsFile> {
  if (source.size === 0) throw new ImportError(source.name, 'the file is empty', HINT);
  const first = await source.read(0, Math.min(8, source.size));
  if (familyOf(first)) return eventsFromAnnotations(source.name, await readEdfAnnotations(source));
  if (source.size > 256 << 20) throw new ImportError(source.name, 'the file is too large to be an events table', HINT);
  const text = createDecoder('utf-8').decode(await source.read(0, source.size));
  return eventsFromCsv(source.name, text);
}

function eventsFromAnnotations(file: string, annotations: { onsetS: number; durationS: number | null; text: string }[]): EventsFile {
  let fingerprint: string | null = null;
  const events: ImportedEvent[] = [];
  for (const a of annotations) {
    if (a.text.startsWith(`${SOURCE_PREFIX} `)) fingerprint = a.text.slice(SOURCE_PREFIX.length + 1).trim();
    if (!a.text.startsWith(`${EVENT_PREFIX} `)) continue;
    const e = parseEventText(a.text);
    if (!e) continue;
    events.push({ channel: e.channel, site: e.site, type: e.type, review: e.review, startS: a.onsetS, endS: a.onsetS + (a.durationS ?? 0), peakS: e.peakS, amplitude: e.amplitude });
  }
  if (fingerprint === null && events.length === 0) {
    throw new ImportError(file, 'the file has no TwitchScope events among its annotations', HINT);
  }
  return { fingerprint, events };
}

/** The neutralising apostrophe the CSV writer puts before formula-like text (`core/csv/write.ts`), removed. */
function cell(text: string | undefined): string {
  const t = (text ?? '').trim();
  return /^'[=+\-@\t\r]/.test(t) ? t.slice(1) : t;
}

export function eventsFromCsv(file: string, text: string): EventsFile {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  const rows = parsed.data;
  const header = (rows[0] ?? []).map((h) => h.trim());
  const col = (name: string) => header.indexOf(name);
  for (const need of ['channel', 'type', 'review', 'startS', 'endS', 'peakS', 'recording']) {
    if (col(need) < 0) throw new ImportError(file, `the first line has no "${need}" column, so this is not a TwitchScope events table`, HINT, 1);
  }
  let fingerprint: string | null = null;
  const events: ImportedEvent[] = [];
  rows.slice(1).forEach((r, i) => {
    const line = i + 2;
    const get = (name: string) => cell(r[col(name)]);
    const num = (name: string) => {
      const v = Number(get(name));
      if (get(name) === '' || !Number.isFinite(v)) throw new ImportError(file, `"${name}" is not a number`, HINT, line, col(name) + 1);
      return v;
    };
    const fp = get('recording');
    if (fingerprint !== null && fp !== fingerprint) throw new ImportError(file, 'the rows name two different recordings', 'export the events of one recording at a time', line, col('recording') + 1);
    fingerprint = fp;
    const type = get('type');
    if (!TYPES.includes(type)) throw new ImportError(file, `unknown event type "${type}"`, HINT, line, col('type') + 1);
    const review = get('review');
    if (!REVIEWS.includes(review)) throw new ImportError(file, `unknown review status "${review}"`, 'it must be confirmed, rejected, added or empty', line, col('review') + 1);
    const amplitude = col('amplitude') >= 0 && get('amplitude') !== '' ? Number(get('amplitude')) : NaN;
    events.push({
      channel: get('channel'),
      site: col('site') >= 0 && get('site') !== '' ? get('site') : null,
      type: type as EventType,
      review: review === '' ? undefined : (review as DetectedEvent['review']),
      startS: num('startS'),
      endS: num('endS'),
      peakS: num('peakS'),
      amplitude,
    });
  });
  return { fingerprint: fingerprint || null, events };
}
