import type { ImportWarning } from '../../../recording';
import { ImportError } from '../../errors';
import { fieldText, HeaderFields } from './fields';

/**
 * The EDF header (Kemp et al. 1992), its EDF+ reading (Kemp & Olivan 2003) and BioSemi's 24-bit BDF form:
 * 256 bytes for the file, then 256 bytes per signal, each field of a fixed width. Offsets below are the
 * specification's.
 */

export const FIXED_BYTES = 256;
export const SIGNAL_BYTES = 256;

export type EdfFamily = 'edf' | 'bdf';

export interface EdfSignalHeader {
  /** 0-based position in the header and in every data record. */
  index: number;
  label: string;
  transducer: string;
  physicalDimension: string;
  physicalMin: number;
  physicalMax: number;
  digitalMin: number;
  digitalMax: number;
  prefiltering: string;
  samplesPerRecord: number;
  reserved: string;
  /** An EDF+/BDF+ annotation signal: its "samples" are bytes of time-stamped annotation lists. */
  annotations: boolean;
}

export interface EdfHeader {
  family: EdfFamily;
  /** EDF+ or BDF+: continuous (`C`) or discontinuous (`D`); null for plain EDF/BDF. */
  plus: 'C' | 'D' | null;
  patient: string;
  recording: string;
  /** `dd.mm.yy` and `hh.mm.ss` as written. */
  startDate: string;
  startTime: string;
  headerBytes: number;
  reserved: string;
  /** -1 while a recording is still being written (the specification allows it): counted from the file size. */
  records: number;
  recordDurationS: number;
  signals: EdfSignalHeader[];
  bytesPerSample: 2 | 3;
  /** Bytes of one data record: every signal's samples, one after the other. */
  recordBytes: number;
  warnings: ImportWarning[];
}

/** Digital values a sample can hold: 16-bit two's complement for EDF, 24-bit for BDF. */
export const DIGITAL_LIMITS: Record<EdfFamily, { min: number; max: number }> = {
  edf: { min: -32768, max: 32767 },
  bdf: { min: -8388608, max: 8388607 },
};

/** The first 8 bytes: `0` padded with spaces (EDF), or 0xFF then `BIOSEMI` (BDF). */
export function familyOf(first: Uint8Array): EdfFamily | null {
  if (first.length < 8) return null;
  if (first[0] === 0xff && fieldText(first, 1, 7) === 'BIOSEMI') return 'bdf';
  if (first[0] === 0x30 && first.subarray(1, 8).every((b) => b === 0x20)) return 'edf';
  return null;
}

export interface FixedHeader extends Omit<EdfHeader, 'signals' | 'bytesPerSample' | 'recordBytes'> {
  signalCount: number;
}

/** Bytes 0-255. */
export function parseFixedHeader(file: string, bytes: Uint8Array): FixedHeader {
  const f: HeaderFields = new HeaderFields(file, bytes);
  const family = familyOf(bytes);
  if (!family) {
    f.fail('version', 0, f.text(0, 8), 'an EDF file starts with "0" and seven spaces, a BDF file with byte 255 and "BIOSEMI"');
  }
  if (bytes.length < FIXED_BYTES) {
    throw new ImportError(file, `the file is ${bytes.length} bytes long, shorter than the 256-byte EDF/BDF header`, 'the file was cut short; copy it again from the recorder');
  }
  const reserved = f.text(192, 44);
  const warnings: ImportWarning[] = [];
  const plus = plusOf(reserved);
  if (plus === null && reserved !== '' && !/^24BIT$/i.test(reserved) && !/^reserved$/i.test(reserved)) {
    warnings.push({ message: `the header's reserved field says "${reserved}", which is neither EDF+ nor BDF+: read as plain ${family.toUpperCase()}` });
  }
  const signalCount = f.int('number of signals', 252, 4, (v) => (v >= 1 ? null : 'a file needs at least one signal'));
  const headerBytes = f.int('number of bytes in header record', 184, 8, (v) =>
    v === FIXED_BYTES + SIGNAL_BYTES * signalCount ? null : `with ${signalCount} signals it must be ${FIXED_BYTES + SIGNAL_BYTES * signalCount}`,
  );
  const records = f.int('number of data records', 236, 8, (v) => (v >= -1 ? null : 'it must be -1 (not known yet) or a count'));
  const recordDurationS = f.num('duration of a data record', 244, 8, (v) => (v >= 0 && Number.isFinite(v) ? null : 'a duration cannot be negative'));
  return {
    family,
    plus,
    patient: f.text(8, 80),
    recording: f.text(88, 80),
    startDate: f.text(168, 8),
    startTime: f.text(176, 8),
    headerBytes,
    reserved,
    records,
    recordDurationS,
    signalCount,
    warnings,
  };
}

/** `EDF+C`, `BDF+D`...; a BDF written with "EDF+C" is still a BDF: the record layout follows the version field. */
function plusOf(reserved: string): 'C' | 'D' | null {
  const m = /^(EDF|BDF)\+([CD])/.exec(reserved);
  return m ? (m[2] as 'C' | 'D') : null;
}

/** Bytes 256 to 256 × (signals + 1): each field is stored for all signals before the next field. */
export function parseSignalHeaders(file: string, fixed: FixedHeader, bytes: Uint8Array): EdfHeader {
  const ns = fixed.signalCount;
  const f = new HeaderFields(file, bytes, FIXED_BYTES);
  const widths = [16, 80, 8, 8, 8, 8, 8, 80, 8, 32];
  const starts: number[] = [];
  let at = FIXED_BYTES;
  for (const w of widths) {
    starts.push(at);
    at += w * ns;
  }
  const limits = DIGITAL_LIMITS[fixed.family];
  const signals: EdfSignalHeader[] = [];
  for (let i = 0; i < ns; i++) {
    const off = (k: number) => starts[k] + widths[k] * i;
    const label = f.text(off(0), 16);
    const annotations = /^(EDF|BDF) Annotations$/i.test(label) && fixed.plus !== null;
    const name = (field: string) => `${field} of signal ${i + 1}${label ? ` ("${label}")` : ''}`;
    const samplesPerRecord = f.int(name('number of samples in each data record'), off(8), 8, (v) => (v >= 1 ? null : 'each signal needs at least one sample per record'));
    let physicalMin = 0;
    let physicalMax = 1;
    let digitalMin = limits.min;
    let digitalMax = limits.max;
    if (!annotations) {
      const inRange = (v: number) => (v >= limits.min && v <= limits.max ? null : `a ${fixed.family === 'bdf' ? '24' : '16'}-bit sample lies from ${limits.min} to ${limits.max}`);
      digitalMin = f.int(name('digital minimum'), off(5), 8, inRange);
      digitalMax = f.int(name('digital maximum'), off(6), 8, (v) => inRange(v) ?? (v > digitalMin ? null : `it must be above the digital minimum (${digitalMin})`));
      physicalMin = f.num(name('physical minimum'), off(3), 8);
      physicalMax = f.num(name('physical maximum'), off(4), 8, (v) => (v !== physicalMin ? null : 'equal to the physical minimum, so no sample could be scaled'));
    }
    signals.push({
      index: i,
      label,
      transducer: f.text(off(1), 80),
      physicalDimension: f.text(off(2), 8),
      physicalMin,
      physicalMax,
      digitalMin,
      digitalMax,
      prefiltering: f.text(off(7), 80),
      samplesPerRecord,
      reserved: f.text(off(9), 32),
      annotations,
    });
  }
  const bytesPerSample = fixed.family === 'bdf' ? 3 : 2;
  const recordBytes = signals.reduce((a, s) => a + s.samplesPerRecord * bytesPerSample, 0);
  if (fixed.recordDurationS === 0 && signals.some((s) => !s.annotations)) {
    f.fail('duration of a data record', 244, '0', 'only a file of annotations alone may have records of no duration');
  }
  const { signalCount: _n, ...rest } = fixed;
  return { ...rest, signals, bytesPerSample, recordBytes };
}
