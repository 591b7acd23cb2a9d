import type { ImportWarning } from '../../../recording';
import { ImportError } from '../../errors';
import type { EdfHeader } from './header';

/**
 * How many whole data records the file really holds. The header may say -1 (the recorder had not closed the
 * file), or more records than were written (a copy cut short): the bytes decide, and the user is told.
 */
export function countRecords(file: string, header: EdfHeader, fileSize: number): { records: number; warnings: ImportWarning[] } {
  const warnings: ImportWarning[] = [];
  const dataBytes = fileSize - header.headerBytes;
  const whole = Math.floor(dataBytes / header.recordBytes);
  let records = header.records;
  if (records === -1) {
    records = whole;
    warnings.push({ message: `the header gives the number of data records as -1 (the recorder did not close the file): ${whole} whole records counted from the file size` });
  } else if (whole < records) {
    warnings.push({ message: `the file holds ${whole} of the ${records} data records its header announces (it was cut short): the ${whole} whole records are read` });
    records = whole;
  } else if (dataBytes > records * header.recordBytes) {
    warnings.push({ message: `${dataBytes - records * header.recordBytes} bytes after the last data record are not part of the recording and were left out` });
  }
  if (records === 0) {
    throw new ImportError(file, 'the file holds no whole data record, only its header', 'the recording was not saved or was cut short; copy it again from the recorder');
  }
  return { records, warnings };
}

export interface RecordTimes {
  /** Sample position (in record units of time, seconds from the first record) where each record starts. */
  startS: Float64Array;
  /** True when some record does not follow straight on from the one before. */
  gaps: boolean;
  warnings: ImportWarning[];
}

/**
 * Record start times from the time-keeping annotations, relative to the first record. EDF+D files may skip
 * time between records (gaps); records that overlap the one before, or EDF+C records whose stated times
 * disagree with their count, are laid end to end, with a warning.
 */
export function recordTimes(onsets: Float64Array, durationS: number, discontinuous: boolean): RecordTimes {
  const n = onsets.length;
  const startS = new Float64Array(n);
  const warnings: ImportWarning[] = [];
  const t0 = Number.isFinite(onsets[0]) ? onsets[0] : 0;
  let gaps = false;
  let overlaps = 0;
  let missing = 0;
  let disagree = -1;
  for (let r = 1; r < n; r++) {
    const next = startS[r - 1] + durationS;
    const stated = onsets[r] - t0;
    if (!Number.isFinite(stated)) {
      if (discontinuous) missing++;
      startS[r] = next;
    } else if (!discontinuous) {
      if (disagree < 0 && Math.abs(stated - next) > Math.max(1e-3, durationS * 1e-3)) disagree = r;
      startS[r] = next;
    } else if (stated < next - 1e-6) {
      overlaps++;
      startS[r] = next;
    } else {
      if (stated > next + 1e-6) gaps = true;
      startS[r] = stated;
    }
  }
  if (overlaps > 0) warnings.push({ message: `${overlaps} data record${overlaps === 1 ? ' starts' : 's start'} before the one before ended, which EDF+D forbids: laid end to end` });
  if (missing > 0) warnings.push({ message: `${missing} data record${missing === 1 ? ' has' : 's have'} no time-keeping annotation: taken to follow on without a gap` });
  if (disagree > 0) {
    warnings.push({ message: `record ${disagree + 1} is stamped ${(onsets[disagree] - t0).toFixed(3)} s, but in a continuous (EDF+C) file it starts at ${(disagree * durationS).toFixed(3)} s: records read as continuous` });
  }
  return { startS, gaps, warnings };
}

/**
 * Samples a channel may take once gaps are laid out: four times its samples, or 2^24 (64 MB across the file's
 * channels), whichever is more; past that a gap would cost more memory than the recording itself.
 */
const GAP_BUDGET = 1 << 24;

/** Lays each record's block of samples at its start time, NaN between: gaps stay gaps. */
export function spreadOverGaps(file: string, compact: Float32Array, samplesPerRecord: number, rateHz: number, times: RecordTimes, channels: number): Float32Array {
  const n = times.startS.length;
  const at = (r: number) => Math.round(times.startS[r] * rateHz);
  const total = at(n - 1) + samplesPerRecord;
  if (total > Math.max(4 * compact.length, GAP_BUDGET / Math.max(1, channels))) {
    let widest = 1;
    for (let r = 1; r < n; r++) if (times.startS[r] - times.startS[r - 1] > times.startS[widest] - times.startS[widest - 1]) widest = r;
    throw new ImportError(
      file,
      `the data records jump from ${times.startS[widest - 1].toFixed(1)} s to ${times.startS[widest].toFixed(1)} s (record ${widest + 1}); gaps that long cannot be laid out on one time line`,
      'export each continuous part as its own file (EDFbrowser: Tools, Reduce signals and duration)',
    );
  }
  const out = new Float32Array(total).fill(NaN);
  for (let r = 0; r < n; r++) out.set(compact.subarray(r * samplesPerRecord, (r + 1) * samplesPerRecord), at(r));
  return out;
}
