import type { Head } from './head';
import { viewTable } from './profile';
import { tableShape } from './shape';

/**
 * A file's layout: what a template is keyed by. Two exports of one device with the same settings share it,
 * whatever their dates, lengths and values; a different device, column set or delimiter does not. Built from
 * the detected format and the column line (names as written), or, without one, what each column holds.
 */
export interface Layout {
  /** Stable key: a hash of `description`. */
  signature: string;
  /** What the key was made of, for people: `csv; ","; time_s | EMG 1 [mV] | …`. */
  description: string;
}

export function layoutOf(head: Head, formatId: string): Layout {
  let columns: string;
  let delimiter = '';
  try {
    const shape = tableShape(head);
    delimiter = shape.delimiter;
    // Named columns say it all; only a file without names needs its columns profiled.
    columns =
      shape.labels.length > 0
        ? shape.labels.map((l) => l.trim().toLowerCase()).join(' | ')
        : viewTable(head).profiles.map((p) => (p.role.kind === 'time' ? `time:${p.role.how}` : p.role.kind)).join(' | ');
  } catch {
    // No table the generic reader can see (a vendor header it does not parse): the lines before the data say it.
    columns = head.lines.slice(0, 3).map((l) => l.replace(/\d+/g, '#')).join(' / ');
  }
  const description = `${formatId}; "${delimiter === '\t' ? 'tab' : delimiter}"; ${columns}`;
  return { signature: hash(description), description };
}

/** FNV-1a, 32 bits, as 8 hex digits: enough to tell layouts apart among a user's templates. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}
