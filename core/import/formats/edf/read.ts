import type { Channel, ImportWarning, Recording, RecordingAnnotation } from '../../../recording';
import { setAsideDead } from '../../dead';
import { ImportCancelled, ImportError } from '../../errors';
import { fingerprint } from '../../fingerprint';
import type { ImportOptions } from '../../options';
import type { TablePlan } from '../../plan';
import type { ByteSource } from '../../source';
import { groupSensors } from '../../sensors';
import { parseIsoMs } from '../../time';
import { buildPlan, type ColumnSpec } from '../plan-builder';
import { FIXED_BYTES, parseFixedHeader, parseSignalHeaders, SIGNAL_BYTES, type EdfHeader } from './header';
import { identificationMeta, startStamp } from './identification';
import { signalKind } from './kinds';
import { countRecords, recordTimes, spreadOverGaps } from './layout';
import { decodeRecords, scaling, type SignalSlot } from './records';
import { parseRecordTals, type EdfAnnotation } from './tal';

/** Bytes read per step: whole records, about 4 MiB (progress and cancel stay responsive). */
const CHUNK = 4 << 20;
/** The desktop bridge hands out at most 16 MiB per read; a record larger than that is read in pieces. */
const PIECE = 8 << 20;

export async function readHeader(source: ByteSource): Promise<EdfHeader> {
  const fixed = parseFixedHeader(source.name, await source.read(0, Math.min(FIXED_BYTES, source.size)));
  if (source.size < fixed.headerBytes) {
    throw new ImportError(source.name, `the file ends at byte ${source.size}, inside its ${fixed.headerBytes}-byte header`, 'the file was cut short; copy it again from the recorder');
  }
  const rest = await readFully(source, FIXED_BYTES, SIGNAL_BYTES * fixed.signalCount);
  return parseSignalHeaders(source.name, fixed, rest);
}

/**
 * EDF, EDF+ (continuous and discontinuous), BDF and BDF+ → Recording. Streams whole data records
 * (memory stays near the size of the samples as float32), reports progress, stops on `signal`.
 */
export async function readEdf(source: ByteSource, options: ImportOptions = {}): Promise<Recording> {
  const header = await readHeader(source);
  const { records, warnings: countWarnings } = countRecords(source.name, header, source.size);
  const warnings: ImportWarning[] = [...header.warnings, ...countWarnings];
  const plan = planSignals(header, options, warnings);
  const { slots, bySignal } = signalSlots(header, records, (i) => plan.signals.find((x) => x.column === i)?.scale ?? null);
  const { onsets, annotations } = await streamRecords(source, header, records, slots, options, warnings);

  const stamp = startStamp(header.startDate, header.startTime, header.recording, header.plus !== null);
  warnings.push(...stamp.warnings);
  const t0 = header.plus !== null && Number.isFinite(onsets[0]) ? onsets[0] : 0;
  const times = recordTimes(onsets, header.recordDurationS, header.plus === 'D');
  warnings.push(...times.warnings);

  const dataSignals = header.signals.filter((s) => !s.annotations);
  if (dataSignals.length === 0) {
    throw new ImportError(
      source.name,
      `the file holds ${annotations.length} annotation${annotations.length === 1 ? '' : 's'} and no signals`,
      'it is an events file: open the recording it belongs to, then use Import events…',
    );
  }
  const channels: Channel[] = plan.signals.map((p, j) => {
    const s = dataSignals[j];
    const rate = s.samplesPerRecord / header.recordDurationS;
    const slot = slots[bySignal[s.index]];
    const data = times.gaps ? spreadOverGaps(source.name, slot.out!, s.samplesPerRecord, rate, times, dataSignals.length) : slot.out!;
    const lo = Math.min(s.physicalMin, s.physicalMax) * p.scale;
    const hi = Math.max(s.physicalMin, s.physicalMax) * p.scale;
    return {
      id: p.id,
      label: p.label,
      kind: p.kind,
      unit: p.unit,
      sampleRateHz: rate,
      startS: 0,
      data,
      ...(p.sensor ? { sensor: p.sensor } : {}),
      ...(p.axis ? { axis: p.axis } : {}),
      resolution: Math.abs(slot.gain),
      range: { min: lo, max: hi },
      ...(s.transducer ? { transducer: s.transducer } : {}),
      ...(s.prefiltering ? { prefilter: s.prefiltering } : {}),
    };
  });
  if (times.gaps) warnings.push({ message: 'the recording pauses between some data records (EDF+D): the pauses are kept as gaps' });
  setAsideDead(plan, channels, warnings);
  const sensors = groupSensors(plan, channels);

  const fp = await fingerprint(source);
  if (options.signal?.aborted) throw new ImportCancelled();
  return {
    file: source.name,
    format: header.family,
    formatName: formatName(header),
    startTime: stamp.iso === null ? null : shiftIso(stamp.iso, t0),
    durationS: Math.max(...channels.map((c) => c.data.length / c.sampleRateHz)),
    channels,
    sensors,
    warnings: [...plan.warnings, ...warnings],
    timing: [],
    sizeBytes: source.size,
    fingerprint: fp,
    meta: identificationMeta(header.patient, header.recording, header.plus !== null),
    annotations: annotations.map((a): RecordingAnnotation => ({ onsetS: a.onsetS - t0, durationS: a.durationS, text: a.text })).sort((a, b) => a.onsetS - b.onsetS),
  };
}

/**
 * Only the annotations of an EDF+/BDF+ file (an events file, or an export whose events are to be restored),
 * onsets from its first record; the signals are not decoded.
 */
export async function readEdfAnnotations(source: ByteSource, options: ImportOptions = {}): Promise<RecordingAnnotation[]> {
  const header = await readHeader(source);
  const { records } = countRecords(source.name, header, source.size);
  const { slots } = signalSlots(header, records, () => null);
  const { onsets, annotations } = await streamRecords(source, header, records, slots, options, []);
  const t0 = Number.isFinite(onsets[0]) ? onsets[0] : 0;
  return annotations.map((a) => ({ onsetS: a.onsetS - t0, durationS: a.durationS, text: a.text })).sort((a, b) => a.onsetS - b.onsetS);
}

function formatName(h: EdfHeader): string {
  const base = h.family === 'bdf' ? 'BDF' : 'EDF';
  if (h.plus === null) return base;
  return `${base}+ (${h.plus === 'C' ? 'continuous' : 'discontinuous'})`;
}

/** Kinds, units, ids and the user's overrides, the same way the text formats get theirs. */
function planSignals(header: EdfHeader, options: ImportOptions, warnings: ImportWarning[]): TablePlan {
  const specs: ColumnSpec[] = [];
  for (const s of header.signals) {
    if (s.annotations) continue;
    const k = signalKind(s.label, s.physicalDimension, s.prefiltering);
    if (k.notRaw) warnings.push({ message: k.notRaw });
    specs.push({
      column: s.index,
      label: s.label || `signal ${s.index + 1}`,
      kind: k.kind,
      unit: k.unit.unit,
      scale: k.unit.scale,
      ...(k.sensorLabel ? { sensor: k.sensorLabel } : {}),
      ...(k.axis ? { axis: k.axis } : {}),
    });
  }
  if (options.rateHz !== undefined) warnings.push({ message: `the file states every signal's sample rate, so the rate given (${options.rateHz} Hz) is not used` });
  const { rateHz: _ignored, ...rest } = options;
  return buildPlan(
    { formatId: header.family, formatName: formatName(header), delimiter: ',', firstDataLine: 0 },
    [{ type: 'rate', rateHz: 1, startS: 0 }],
    specs,
    rest,
  );
}

/** Where each signal sits in a record; `unitScale` null leaves a signal undecoded. */
function signalSlots(header: EdfHeader, records: number, unitScale: (index: number) => number | null): { slots: SignalSlot[]; bySignal: number[] } {
  const slots: SignalSlot[] = [];
  const bySignal: number[] = [];
  let byteOffset = 0;
  for (const s of header.signals) {
    const scale = s.annotations ? null : unitScale(s.index);
    const { gain, offset } = scale !== null ? scaling(s.digitalMin, s.digitalMax, s.physicalMin, s.physicalMax, scale) : { gain: 1, offset: 0 };
    bySignal[s.index] = slots.length;
    slots.push({ byteOffset, samplesPerRecord: s.samplesPerRecord, gain, offset, out: scale !== null ? new Float32Array(records * s.samplesPerRecord) : null });
    byteOffset += s.samplesPerRecord * header.bytesPerSample;
  }
  return { slots, bySignal };
}

async function streamRecords(
  source: ByteSource,
  header: EdfHeader,
  records: number,
  slots: SignalSlot[],
  options: ImportOptions,
  warnings: ImportWarning[],
): Promise<{ onsets: Float64Array; annotations: EdfAnnotation[] }> {
  const onsets = new Float64Array(records).fill(NaN);
  const annotations: EdfAnnotation[] = [];
  const talSlots = header.signals.filter((s) => s.annotations).map((s) => slots[s.index]);
  const perChunk = Math.max(1, Math.floor(CHUNK / header.recordBytes));
  let malformed = 0;
  for (let r = 0; r < records; r += perChunk) {
    if (options.signal?.aborted) throw new ImportCancelled();
    const count = Math.min(perChunk, records - r);
    const at = header.headerBytes + r * header.recordBytes;
    const bytes = await readFully(source, at, count * header.recordBytes);
    if (bytes.length < count * header.recordBytes) {
      throw new ImportError(source.name, `the file ended at byte ${at + bytes.length} while it was being read`, 'the file changed or was moved while it was open; open it again');
    }
    decodeRecords(bytes, count, header.recordBytes, header.bytesPerSample, slots, r);
    for (let k = 0; k < count; k++) {
      talSlots.forEach((slot, j) => {
        const start = k * header.recordBytes + slot.byteOffset;
        const t = parseRecordTals(bytes.subarray(start, start + slot.samplesPerRecord * header.bytesPerSample));
        if (j === 0) onsets[r + k] = t.recordOnsetS ?? NaN;
        for (const a of t.annotations) annotations.push(a);
        malformed += t.malformed;
      });
    }
    options.onProgress?.(Math.min(1, (at + bytes.length) / source.size));
  }
  if (malformed > 0) warnings.push({ message: `${malformed} annotation list${malformed === 1 ? ' is' : 's are'} not in EDF+ form and ${malformed === 1 ? 'was' : 'were'} left out` });
  return { onsets, annotations };
}

async function readFully(source: ByteSource, offset: number, length: number): Promise<Uint8Array> {
  if (length <= PIECE) return source.read(offset, length);
  const out = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const part = await source.read(offset + done, Math.min(PIECE, length - done));
    if (part.length === 0) break;
    out.set(part, done);
    done += part.length;
  }
  return done === length ? out : out.subarray(0, done);
}

/** The header's local time moved by the first record's offset (EDF+ may start records a fraction later). */
function shiftIso(iso: string, seconds: number): string {
  if (seconds === 0) return iso;
  const ms = parseIsoMs(iso) + seconds * 1000;
  const d = new Date(Math.round(ms));
  if (Number.isNaN(d.getTime())) return iso;
  const text = d.toISOString().replace('Z', '');
  return text.endsWith('.000') ? text.slice(0, -4) : text;
}
