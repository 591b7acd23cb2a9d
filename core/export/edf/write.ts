import type { Analysis } from '../../analysis/types';
import { MONTHS } from '../../import/formats/edf/identification';
import { stripUnit, unitFromLabel } from '../../import/units';
import type { Channel, Recording } from '../../recording';
import { displaySignal } from '../../view/display-signal';
import { eventText, SOURCE_PREFIX } from './event-text';
import { asciiField, numberField } from './fields';
import { dataRange, recordShape } from './layout';
import { keepingBytes, packTals, type OutAnnotation } from './tals';

/**
 * The analysed recording as EDF+ (BDF+ when its samples need 24 bits): every signal, raw or as drawn
 * (filtered), and every event as an annotation whose text carries its type, review and multiplet count,
 * so EDFbrowser, MNE and TwitchScope itself read the same events back. Gaps (no EDF sample can be "missing")
 * are written as zero and marked by a "no signal" annotation.
 */

export interface EdfExportOptions {
  signals: 'raw' | 'filtered';
  /** Program and version written in the recording field. */
  software: string;
}

export interface EdfExport {
  bytes: Uint8Array;
  family: 'edf' | 'bdf';
  /** Things the user should know about the file written (rates rounded to fit a record). */
  notes: string[];
}

const LIMITS = { edf: { min: -32768, max: 32767 }, bdf: { min: -8388608, max: 8388607 } } as const;
const NO_SIGNAL = 'TwitchScope no signal';

export function writeEdf(rec: Recording, analysis: Analysis | null, options: EdfExportOptions): EdfExport {
  const family = needs24Bits(rec) ? 'bdf' : 'edf';
  const bps = family === 'bdf' ? 3 : 2;
  const limits = LIMITS[family];
  const channels = rec.channels.filter((c) => c.data.length > 0);
  const shown = channels.map((c) => (options.signals === 'filtered' ? displaySignal(c) : { data: c.data, description: null }));
  const data = shown.map((s) => s.data);
  const shape = recordShape(channels.map((c) => c.sampleRateHz));
  const records = Math.max(1, Math.ceil(rec.durationS / shape.durationS - 1e-9));
  const start = startFields(rec.startTime);
  const notes = shape.approximated.map((a) => `"${channels[a.index].label}" is written at ${a.writtenHz} Hz: no record length holds a whole number of its samples at ${a.rateHz} Hz`);

  // TAL onsets count from the header's whole second; the time line starts at its first record.
  const annotations = annotationsOf(rec, analysis, channels, data).map((a) => ({ ...a, onsetS: a.onsetS + start.fractionS }));
  const packed = packTals(annotations, records, (r) => keepingBytes(start.fractionS + r * shape.durationS), bps);
  const annSamples = packed.bytesPerRecord / bps;

  const scales = data.map((d) => {
    const { min, max } = dataRange(d);
    const pMin = numberField(min, 'down');
    const pMax = numberField(max, 'up');
    return { pMin, pMax, gain: (Number(pMax) - Number(pMin)) / (limits.max - limits.min) };
  });

  const ns = channels.length + 1;
  const fields: string[] = [];
  fields.push(family === 'bdf' ? '\u00ffBIOSEMI' : asciiField('0', 8));
  fields.push(asciiField(patientField(rec), 80), asciiField(recordingField(rec, start.subfield, options.software), 80));
  fields.push(start.date, start.time, asciiField(String(256 * (ns + 1)), 8), asciiField(family === 'bdf' ? 'BDF+C' : 'EDF+C', 44));
  fields.push(asciiField(String(records), 8), asciiField(numberField(shape.durationS), 8), asciiField(String(ns), 4));
  const annLabel = family === 'bdf' ? 'BDF Annotations' : 'EDF Annotations';
  const per = (f: (c: Channel, j: number) => string, ann: string, width: number) => {
    channels.forEach((c, j) => fields.push(asciiField(f(c, j), width)));
    fields.push(asciiField(ann, width));
  };
  // The dimension field carries the unit, so `EMG (uV)` loses its bracket before the 16-character cut.
  per((c) => (unitFromLabel(c.label) ? stripUnit(c.label) : c.label), annLabel, 16);
  per((c) => c.transducer ?? '', '', 80);
  per((c) => c.unit, '', 8);
  per((_, j) => scales[j].pMin, '-1', 8);
  per((_, j) => scales[j].pMax, '1', 8);
  per(() => String(limits.min), String(limits.min), 8);
  per(() => String(limits.max), String(limits.max), 8);
  per((c, j) => [c.prefilter, shown[j].description ? `TwitchScope ${shown[j].description}` : ''].filter(Boolean).join('; '), '', 80);
  per((_, j) => String(shape.samplesPerRecord[j]), String(annSamples), 8);
  per(() => '', '', 32);
  const header = latin1Bytes(fields.join(''));

  const recordBytes = shape.samplesPerRecord.reduce((a, n) => a + n * bps, 0) + packed.bytesPerRecord;
  const out = new Uint8Array(header.length + records * recordBytes);
  out.set(header);
  const view = new DataView(out.buffer);
  let at = header.length;
  for (let r = 0; r < records; r++) {
    channels.forEach((c, j) => {
      const n = shape.samplesPerRecord[j];
      const first = r * n - Math.round(c.startS * c.sampleRateHz);
      const s = scales[j];
      const pMin = Number(s.pMin);
      const zero = clampDigital(Math.round((0 - pMin) / s.gain + limits.min), limits);
      for (let k = 0; k < n; k++, at += bps) {
        const v = data[j][first + k];
        const d = v === v && v !== undefined ? clampDigital(Math.round((v - pMin) / s.gain + limits.min), limits) : zero;
        if (bps === 2) view.setInt16(at, d, true);
        else {
          out[at] = d & 0xff;
          out[at + 1] = (d >> 8) & 0xff;
          out[at + 2] = (d >> 16) & 0xff;
        }
      }
    });
    const keeping = keepingBytes(start.fractionS + r * shape.durationS);
    out.set(keeping, at);
    let p = at + keeping.length;
    for (const t of packed.byRecord[r]) {
      out.set(t, p);
      p += t.length;
    }
    at += packed.bytesPerRecord;
  }
  return { bytes: out, family, notes };
}

function clampDigital(d: number, limits: { min: number; max: number }): number {
  return d < limits.min ? limits.min : d > limits.max ? limits.max : d;
}

/** A 24-bit source, or a channel whose range holds more steps of its resolution than 16 bits can. */
function needs24Bits(rec: Recording): boolean {
  if (rec.format === 'bdf') return true;
  return rec.channels.some((c) => c.resolution !== undefined && c.range !== undefined && (c.range.max - c.range.min) / c.resolution > 65536);
}

function annotationsOf(rec: Recording, analysis: Analysis | null, channels: Channel[], data: Float32Array[]): OutAnnotation[] {
  const out: OutAnnotation[] = [{ onsetS: 0, durationS: null, text: `${SOURCE_PREFIX} ${rec.fingerprint}` }];
  for (const a of rec.annotations ?? []) out.push({ onsetS: a.onsetS, durationS: a.durationS, text: a.text });
  if (analysis) {
    const siteOf = new Map(analysis.channels.map((c) => [c.id, c.site]));
    for (const e of analysis.events) out.push({ onsetS: e.startS, durationS: e.endS - e.startS, text: eventText(e, siteOf.get(e.channel) ?? null) });
  }
  channels.forEach((c, j) => {
    const d = data[j];
    for (let i = 0; i < d.length; i++) {
      if (d[i] === d[i]) continue;
      let k = i;
      while (k < d.length && d[k] !== d[k]) k++;
      out.push({ onsetS: c.startS + i / c.sampleRateHz, durationS: (k - i) / c.sampleRateHz, text: `${NO_SIGNAL} ${c.label}` });
      i = k;
    }
  });
  return out;
}

/** EDF+ patient subfields: code, sex, birthdate, name; X where not known. */
function patientField(rec: Recording): string {
  const m = rec.meta;
  const sub = (v: string | undefined) => (v ? v.trim().replace(/\s+/g, '_') : 'X');
  return [sub(m['patient code']), sub(m.sex), sub(m.birthdate), sub(m['patient name'])].join(' ');
}

function recordingField(rec: Recording, startdate: string, software: string): string {
  const m = rec.meta;
  const sub = (v: string | undefined) => (v ? v.trim().replace(/\s+/g, '_') : 'X');
  return ['Startdate', startdate, sub(m['hospital administration code']), sub(m.technician), sub(m.equipment), software.replace(/\s+/g, '_')].join(' ');
}

/** Date and time fields from the start (its clock time as written), with EDF+'s Startdate and the sub-second part. */
function startFields(iso: string | null): { date: string; time: string; subfield: string; fractionS: number } {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d+)?/.exec(iso) : null;
  if (!m) return { date: '01.01.85', time: '00.00.00', subfield: 'X', fractionS: 0 };
  const year = +m[1];
  const yy = year >= 1985 && year <= 2084 ? m[1].slice(2) : 'yy';
  return {
    date: `${m[3]}.${m[2]}.${yy}`,
    time: `${m[4]}.${m[5]}.${m[6]}`,
    subfield: `${m[3]}-${MONTHS[+m[2] - 1]}-${m[1]}`,
    fractionS: m[7] ? Number(`0${m[7]}`) : 0,
  };
}

function latin1Bytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}
