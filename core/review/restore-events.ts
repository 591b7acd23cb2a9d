import type { Analysis } from '../analysis/types';
import { SOURCE_PREFIX } from '../export/edf/event-text';
import type { Recording } from '../recording';
import { sameEvent, type ReviewEdit } from './edits';
import type { EventsFile } from './events-in';

/**
 * An events file's review, laid onto the recording open now: confirmed and rejected events become the same
 * edits on the events the analysis found, added ones are added again, and sites come back with their
 * channels. Refused, with the reason, when the file belongs to other content.
 */
export type RestoredEvents =
  | {
      ok: true;
      edits: ReviewEdit[];
      sites: Record<string, string | null>;
      /** Reviewed events in the file that the current analysis did not find (another sensitivity?). */
      unmatched: number;
      restored: number;
    }
  | { ok: false; reason: string };

/** The recording's own fingerprint, and the source's when the recording is itself a TwitchScope EDF+ export. */
export function identitiesOf(rec: Pick<Recording, 'fingerprint' | 'annotations'>): string[] {
  const ids = [rec.fingerprint];
  for (const a of rec.annotations ?? []) if (a.text.startsWith(`${SOURCE_PREFIX} `)) ids.push(a.text.slice(SOURCE_PREFIX.length + 1).trim());
  return ids;
}

export function restoreEvents(file: EventsFile, rec: Pick<Recording, 'fingerprint' | 'annotations'>, base: Analysis): RestoredEvents {
  if (file.fingerprint === null) return { ok: false, reason: 'The events file does not say which recording it belongs to, so it was not applied.' };
  if (!identitiesOf(rec).includes(file.fingerprint)) {
    return {
      ok: false,
      reason: `These events belong to another recording (content fingerprint ${file.fingerprint}; this one is ${rec.fingerprint}), so they were not applied.`,
    };
  }
  const known = new Set(base.channels.map((c) => c.id));
  const edits: ReviewEdit[] = [];
  const sites: Record<string, string | null> = {};
  let unmatched = 0;
  let restored = 0;
  for (const e of file.events) {
    if (!known.has(e.channel)) {
      unmatched++;
      continue;
    }
    if (e.site !== null) sites[e.channel] = e.site;
    if (e.review === 'added') {
      edits.push({ action: 'add', channel: e.channel, peakS: e.peakS, startS: e.startS, endS: e.endS, amplitude: Number.isFinite(e.amplitude) ? e.amplitude : 0 });
      restored++;
      continue;
    }
    const found = base.events.find((b) => b.type === e.type && sameEvent(b, e));
    if (!found) {
      if (e.review) unmatched++;
      continue;
    }
    if (e.review === 'confirmed' || e.review === 'rejected') {
      edits.push({ action: e.review === 'confirmed' ? 'confirm' : 'reject', channel: found.channel, peakS: found.peakS });
      restored++;
    }
  }
  return { ok: true, edits, sites, unmatched, restored };
}
