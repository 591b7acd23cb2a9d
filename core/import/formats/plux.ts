import type { ChannelKind, ImportWarning } from '../../recording';
import { ImportError } from '../errors';
import { splitFields, type Head } from '../head';
import { guessColumn } from '../labels';
import type { ImportOptions } from '../options';
import type { ClockPlan, TablePlan } from '../plan';
import type { FormatDef } from './format';
import { buildPlan, overrideFor, type ColumnSpec } from './plan-builder';
import { pluxStartTime, readPluxDevices, type PluxDevice } from './plux-header';

type Transfer = { kind: ChannelKind; unit: string; scale: number; offset: number };

/**
 * PLUX transfer functions (biosignalsplux / BITalino sensor datasheets):
 * EMG(V) = (ADC/2^n − 1/2)·VCC/G, biosignalsplux VCC 3 V, G 1000; BITalino VCC 3.3 V, G 1009.
 * ACC(g) = 2·(ADC − Cmin)/(Cmax − Cmin) − 1, with the datasheets' typical Cmin/Cmax when uncalibrated.
 */
function transfer(kind: ChannelKind, bits: number, bitalino: boolean): Transfer {
  const full = 2 ** bits;
  if (kind === 'emg') {
    const vcc = bitalino ? 3.3 : 3;
    const gain = bitalino ? 1009 : 1000;
    const uvPerUnit = (vcc / gain) * 1e6;
    return { kind: 'emg', unit: 'uV', scale: uvPerUnit / full, offset: -uvPerUnit / 2 };
  }
  if (kind === 'accel') {
    const [cmin, cmax] = bits >= 16 ? [28000, 38000] : bits >= 10 ? [208, 312] : [13, 19];
    return { kind: 'accel', unit: 'g', scale: 2 / (cmax - cmin), offset: (-2 * cmin) / (cmax - cmin) - 1 };
  }
  return { kind: 'other', unit: 'ADC', scale: 1, offset: 0 };
}

/**
 * The sensor type names the kind (`EMG`, `ACC`, `XYZ`, or a phone's `xAcc`); a RAW (or unnamed) sensor has
 * none, though its label may say what it is.
 */
function sensorKind(sensor: string): ChannelKind | null {
  if (sensor === '' || /^RAW$/i.test(sensor)) return null;
  if (/^(ACC|XYZ|gACC)/i.test(sensor)) return 'accel';
  return guessColumn(sensor).kind;
}

const DIGITAL = /^(nSeq|DI|I\d|O\d)$/i;

/** Devices recorded together share rows; a slower or paused device writes NaN on the rows it has no sample for. */
function isSparse(dataLines: readonly string[], column: number): boolean {
  const nanRows = dataLines.filter((l) => /^nan$/i.test((splitFields(l, '\t')[column] ?? '').trim())).length;
  return dataLines.length > 0 && nanRows / dataLines.length > 0.2;
}

interface DeviceColumns {
  columns: ColumnSpec[];
  /** Names of channels recorded without a sensor type. */
  raw: string[];
  warnings: ImportWarning[];
}

/** One device's analog columns: kind from the sensor type (or the user's mark, or a RAW channel's label), converted where it is an ADC. */
function deviceColumns(mac: string, d: PluxDevice, base: number, clock: number, sparse: boolean, options: ImportOptions): DeviceColumns {
  const out: DeviceColumns = { columns: [], raw: [], warnings: [] };
  const bitalino = /bitalino/i.test(d.device);
  const analog = d.column.map((c, i) => ({ c, i })).filter(({ c }) => !DIGITAL.test(c));
  analog.forEach(({ c, i }, k) => {
    const sensor = d.sensor[k] ?? '';
    // Older files list a resolution for every column (digital ones too), newer ones for the analog ones only.
    const bits = (d.resolution.length === d.column.length ? d.resolution[i] : d.resolution[k]) ?? 16;
    const name = d.label[k] ?? c;
    const label = `${name} (${sensor || 'raw'}, ${mac})`;
    const stated = sensorKind(sensor);
    const fromLabel = guessColumn(name).kind;
    const chosen = overrideFor(options, { column: base + i, label, header: c })?.kind ?? stated ?? (fromLabel === 'other' ? null : fromLabel);
    if (stated === null && chosen === null) out.raw.push(name);
    // A channel of one "bit" is no ADC (a phone's own sensors write physical values): nothing to convert,
    // and an accelerometer's unit follows from gravity.
    const t = bits > 1 ? transfer(chosen ?? 'other', bits, bitalino) : { kind: chosen ?? 'other', unit: chosen === 'accel' ? '?' : '', scale: 1, offset: 0 };
    out.columns.push({ column: base + i, label, header: c, kind: t.kind, unit: t.unit, scale: t.scale, offset: t.offset, clock, presence: sparse ? 'cell' : 'row', ...(t.kind === 'accel' ? { sensor: mac, axis: (['x', 'y', 'z'] as const)[k % 3] } : {}) });
    if (t.kind === 'accel' && bits > 1) out.warnings.push({ message: `${label}: converted with typical calibration values; use the device's calibration for exact g` });
  });
  return out;
}

/** PLUX OpenSignals (r)evolution text export: JSON header per device, raw ADC columns, tab-separated. */
export const opensignals: FormatDef = {
  id: 'opensignals',
  name: 'PLUX OpenSignals text',
  description: 'biosignalsplux / BITalino OpenSignals .txt with JSON header; raw ADC converted to µV or g',
  evidence: 'real',
  detect: (head) => (/^#\s*OpenSignals Text File Format/i.test(head.lines[0] ?? '') ? 1 : 0),
  plan(head: Head, options: ImportOptions): TablePlan {
    const jsonLine = head.lines.findIndex((l, i) => i > 0 && /^#\s*\{/.test(l));
    const endLine = head.lines.findIndex((l) => /^#\s*EndOfHeader/i.test(l));
    if (jsonLine < 0 || endLine < 0) {
      throw new ImportError(head.name, 'the OpenSignals header is incomplete (no JSON line or no "# EndOfHeader")', 'export the file again from OpenSignals', 2);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(head.lines[jsonLine].replace(/^#\s*/, ''));
    } catch {
      throw new ImportError(head.name, 'the OpenSignals JSON header cannot be read', 'export the file again from OpenSignals', jsonLine + 1);
    }
    const entries = readPluxDevices(parsed, head, jsonLine + 1).sort((a, b) => a[1].position - b[1].position);
    const clocks: ClockPlan[] = [];
    const columns: ColumnSpec[] = [];
    const warnings: ImportWarning[] = [];
    const raw: string[] = [];
    const dataLines = head.lines.slice(endLine + 1, endLine + 401).filter((l) => l.trim() !== '');
    let base = 0;
    let startTime: string | null = null;
    for (const [mac, d] of entries) {
      const rate = d.samplingRate;
      if (!rate || rate <= 0) throw new ImportError(head.name, `device ${mac} states no sampling rate`, 'pass the rate with --rate HZ', jsonLine + 1);
      const firstAnalog = d.column.findIndex((c) => !DIGITAL.test(c));
      const sparse = isSparse(dataLines, base + Math.max(0, firstAnalog));
      if (sparse) warnings.push({ message: `device ${mac}: most rows are NaN (it shares the file with a faster device); its samples are read at its stated ${rate} Hz` });
      clocks.push({ type: 'rate', rateHz: rate, startS: 0 });
      const found = deviceColumns(mac, d, base, clocks.length - 1, sparse, options);
      columns.push(...found.columns);
      raw.push(...found.raw);
      warnings.push(...found.warnings);
      if (!startTime && (d.date !== null || d.time !== null)) {
        startTime = pluxStartTime(d.date, d.time);
        if (startTime === null) warnings.push({ message: `device ${mac}: the date and time in the header (${d.date ?? '?'} ${d.time ?? '?'}) are not in the usual form; the start time is left out` });
      }
      base += d.column.length;
    }
    if (raw.length > 0) {
      warnings.push({ message: `${raw.length} channel${raw.length === 1 ? '' : 's'} recorded without a sensor type (RAW: ${raw.join(', ')}): imported as raw ADC values and not analysed; mark them as EMG or accelerometer in the import check (or with --column ${raw[0]}=emg) to convert and analyse them` });
    }
    return buildPlan(
      { formatId: 'opensignals', formatName: 'PLUX OpenSignals text', delimiter: '\t', firstDataLine: endLine + 1, startTime, meta: Object.fromEntries(entries.map(([mac, d]) => [mac, `${d.device || 'device'}, ${d.samplingRate} Hz`])), warnings },
      clocks,
      columns,
      options,
    );
  },
};
