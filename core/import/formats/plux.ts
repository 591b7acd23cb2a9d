import type { ImportWarning } from '../../recording';
import { ImportError } from '../errors';
import { splitFields, type Head } from '../head';
import type { ImportOptions } from '../options';
import type { ClockPlan, TablePlan } from '../plan';
import type { FormatDef } from './format';
import { buildPlan, type ColumnSpec } from './plan-builder';
import { pluxStartTime, readPluxDevices } from './plux-header';

/**
 * PLUX transfer functions (biosignalsplux / BITalino sensor datasheets):
 * EMG(V) = (ADC/2^n − 1/2)·VCC/G, biosignalsplux VCC 3 V, G 1000; BITalino VCC 3.3 V, G 1009.
 * ACC(g) = 2·(ADC − Cmin)/(Cmax − Cmin) − 1, with the datasheets' typical Cmin/Cmax when uncalibrated.
 */
function transfer(sensor: string, bits: number, bitalino: boolean): { kind: 'emg' | 'accel' | 'other'; unit: string; scale: number; offset: number } {
  const full = 2 ** bits;
  if (/^EMG/i.test(sensor)) {
    const vcc = bitalino ? 3.3 : 3;
    const gain = bitalino ? 1009 : 1000;
    const uvPerUnit = (vcc / gain) * 1e6;
    return { kind: 'emg', unit: 'uV', scale: uvPerUnit / full, offset: -uvPerUnit / 2 };
  }
  if (/^(ACC|XYZ)/i.test(sensor)) {
    const [cmin, cmax] = bits >= 16 ? [28000, 38000] : bits >= 10 ? [208, 312] : [13, 19];
    return { kind: 'accel', unit: 'g', scale: 2 / (cmax - cmin), offset: -2 * cmin / (cmax - cmin) - 1 };
  }
  return { kind: 'other', unit: 'ADC', scale: 1, offset: 0 };
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
    const dataLines = head.lines.slice(endLine + 1, endLine + 401).filter((l) => l.trim() !== '');
    let base = 0;
    let startTime: string | null = null;
    for (const [mac, d] of entries) {
      const cols = d.column;
      const rate = d.samplingRate;
      if (!rate || rate <= 0) throw new ImportError(head.name, `device ${mac} states no sampling rate`, 'pass the rate with --rate HZ', jsonLine + 1);
      const bitalino = /bitalino/i.test(d.device);
      const analog = cols.map((c, i) => ({ c, i })).filter(({ c }) => !/^(nSeq|DI|I\d|O\d)$/i.test(c));
      // Devices recorded together share rows; a slower or paused device writes NaN on the rows it has no sample for.
      const firstAnalog = base + (analog[0]?.i ?? 0);
      const nanRows = dataLines.filter((l) => /^nan$/i.test((splitFields(l, '\t')[firstAnalog] ?? '').trim())).length;
      const sparse = dataLines.length > 0 && nanRows / dataLines.length > 0.2;
      if (sparse) {
        warnings.push({ message: `device ${mac}: most rows are NaN (it shares the file with a faster device); its samples are read at its stated ${rate} Hz` });
      }
      const clock = clocks.length;
      clocks.push({ type: 'rate', rateHz: rate, startS: 0 });
      analog.forEach(({ c, i }, k) => {
        const sensor = d.sensor[k] ?? '';
        const bits = d.resolution[k] ?? 16;
        const t = transfer(sensor, bits, bitalino);
        const label = `${d.label[k] ?? c} (${sensor || 'raw'}, ${mac})`;
        columns.push({
          column: base + i,
          label,
          kind: t.kind,
          unit: t.unit,
          scale: t.scale,
          offset: t.offset,
          clock,
          presence: sparse ? 'cell' : 'row',
          ...(t.kind === 'accel' ? { sensor: mac, axis: (['x', 'y', 'z'] as const)[k % 3] } : {}),
        });
        if (t.kind === 'accel') warnings.push({ message: `${label}: converted with typical calibration values; use the device's calibration for exact g` });
      });
      if (!startTime && (d.date !== null || d.time !== null)) {
        startTime = pluxStartTime(d.date, d.time);
        if (startTime === null) warnings.push({ message: `device ${mac}: the date and time in the header (${d.date ?? '?'} ${d.time ?? '?'}) are not in the usual form; the start time is left out` });
      }
      base += cols.length;
    }
    return buildPlan(
      { formatId: 'opensignals', formatName: 'PLUX OpenSignals text', delimiter: '\t', firstDataLine: endLine + 1, startTime, meta: Object.fromEntries(entries.map(([mac, d]) => [mac, `${d.device || 'device'}, ${d.samplingRate} Hz`])), warnings },
      clocks,
      columns,
      options,
    );
  },
};
