/**
 * Time-stamped annotation lists (EDF+ section 2.2.2): `+onset[\x15duration]\x14text\x14[text\x14...]\x00`,
 * onsets in seconds from the header's start time, UTF-8 text, unused bytes NUL. The first list of every
 * data record has no text: its onset is when that record starts (the record's time-keeping annotation).
 */

export interface EdfAnnotation {
  /** Seconds from the header's start date and time. */
  onsetS: number;
  durationS: number | null;
  text: string;
}

export interface RecordTals {
  /** Start of the data record, from its time-keeping annotation; null when the record has none. */
  recordOnsetS: number | null;
  annotations: EdfAnnotation[];
  /** Lists that could not be read, counted so the caller can say so once. */
  malformed: number;
}

const ONSET = /^[+-]\d+(\.\d*)?$/;
const DURATION = /^\d+(\.\d*)?$/;
const utf8 = new (globalThis as unknown as { TextDecoder: new (l: string) => { decode(b: Uint8Array): string } }).TextDecoder('utf-8');

export function parseRecordTals(bytes: Uint8Array): RecordTals {
  const out: RecordTals = { recordOnsetS: null, annotations: [], malformed: 0 };
  let i = 0;
  let first = true;
  while (i < bytes.length) {
    if (bytes[i] === 0) {
      i++;
      continue;
    }
    let end = bytes.indexOf(0, i);
    if (end < 0) end = bytes.length;
    const tal = readTal(bytes.subarray(i, end));
    if (!tal) out.malformed++;
    else if (first && tal.texts.length > 0 && tal.texts[0] === '') {
      out.recordOnsetS = tal.onsetS;
      for (const text of tal.texts.slice(1)) if (text !== '') out.annotations.push({ onsetS: tal.onsetS, durationS: tal.durationS, text });
    } else {
      for (const text of tal.texts) if (text !== '') out.annotations.push({ onsetS: tal.onsetS, durationS: tal.durationS, text });
    }
    first = false;
    i = end + 1;
  }
  return out;
}

function readTal(b: Uint8Array): { onsetS: number; durationS: number | null; texts: string[] } | null {
  const head = b.indexOf(0x14);
  if (head < 0) return null;
  const stamp = String.fromCharCode(...b.subarray(0, head));
  const [onsetText, durationText, extra] = stamp.split('\x15');
  if (extra !== undefined || !ONSET.test(onsetText)) return null;
  if (durationText !== undefined && durationText !== '' && !DURATION.test(durationText)) return null;
  const texts = utf8.decode(b.subarray(head + 1)).split('\x14');
  // Every text ends with \x14, so the split leaves one empty piece after the last.
  if (texts.length > 0 && texts[texts.length - 1] === '') texts.pop();
  return {
    onsetS: Number(onsetText),
    durationS: durationText === undefined || durationText === '' ? null : Number(durationText),
    texts: texts.length === 0 ? [''] : texts,
  };
}
