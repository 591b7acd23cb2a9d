import { ImportError } from '../errors';
import { splitFields, type Head } from '../head';
import { rateField } from '../header-fields';
import type { ImportOptions } from '../options';
import type { TablePlan } from '../plan';
import type { FormatDef } from './format';
import { buildPlan, needRate, type ColumnSpec } from './plan-builder';

/**
 * GENEActiv PC Software raw CSV. Built from the GENEActiv-compatible export of OpenMovement's omconvert
 * (csv.c, CSV_FORMAT_GA: a 100-line `Key,Value` header with the device at line 1, "Measurement Frequency"
 * at line 11, "Start Time" at 12, "Time Zone" at 15 and per-axis "Range"/"Resolution"/"Units" from line 51;
 * then `YYYY-MM-DD hh:mm:ss:mmm,x,y,z,lux,button,temperature` rows with x/y/z in g) and the readers in
 * maximosipov/actant (load_geneactiv.m) and wadpac/GGIRread. No real export was available; the fixture is
 * written from that layout.
 */

const DEVICE = /^\s*Device Type\s*,\s*GENEActiv\b/i;
const STAMP = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}):(\d{3})$/;
const RAW_COLUMNS = ['x', 'y', 'z', 'light', 'button', 'temperature'];

/** `2024-03-05 14:00:00:250` (colon before the milliseconds) → ISO text and milliseconds. */
function readStamp(text: string): { iso: string; ms: number } | null {
  const m = STAMP.exec(text.trim());
  if (!m) return null;
  const iso = `${m[1]}T${m[2]}.${m[3]}`;
  return { iso, ms: Date.parse(`${iso}Z`) };
}

/** `GMT +01:00` / `GMT -05` → `+01:00` / `-05:00`. */
function zoneOf(text: string | undefined): string {
  const m = /GMT\s*([+-])(\d{1,2})(?::?(\d{2}))?/i.exec(text ?? '');
  return m ? `${m[1]}${m[2].padStart(2, '0')}:${m[3] ?? '00'}` : '';
}

function headerValues(lines: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of lines) {
    const comma = l.indexOf(',');
    if (comma <= 0) continue;
    const key = l.slice(0, comma).trim().toLowerCase();
    // Range/Resolution/Units repeat per sensor; the first block is the x axis, the same for all three.
    if (!out.has(key)) out.set(key, l.slice(comma + 1).trim());
  }
  return out;
}

export const geneActiv: FormatDef = {
  id: 'geneactiv',
  name: 'GENEActiv CSV',
  description: 'GENEActiv PC Software CSV: 100-line device header, then time, x, y, z (g), light, button, temperature',
  evidence: 'documented',
  detect: (head) => (head.lines.slice(0, 5).some((l) => DEVICE.test(l)) ? 1 : 0),
  plan(head: Head, options: ImportOptions): TablePlan {
    const first = head.lines.findIndex((l) => readStamp(l.split(',')[0]) !== null && l.includes(','));
    if (first < 0) {
      throw new ImportError(head.name, 'no data rows after the GENEActiv header', 'export the recording again as CSV from GENEActiv PC Software', head.lines.length + 1);
    }
    const values = headerValues(head.lines.slice(0, first));
    const frequency = values.get('measurement frequency');
    const deviceRate = frequency === undefined ? null : rateField(frequency, 'Measurement Frequency', { file: head.name, line: 11, header: 'the GENEActiv header', hint: 'export the file again from GENEActiv PC Software, or correct that line' });
    const fields = splitFields(head.lines[first], ',');
    const t0 = readStamp(fields[0])!;
    const t1 = head.lines[first + 1] ? readStamp(splitFields(head.lines[first + 1], ',')[0]) : null;
    const rowStepS = t1 ? (t1.ms - t0.ms) / 1000 : null;
    // Epoch exports keep the device's frequency in the header but write one summary row per epoch.
    const epochs = deviceRate !== null && rowStepS !== null && rowStepS > 1.5 / deviceRate;
    const rate = options.rateHz ?? (epochs ? 1 / rowStepS! : (deviceRate ?? needRate(head.name, 'the GENEActiv header has no "Measurement Frequency" line', 11)));
    const range = /(-?[\d.]+)\s*to\s*(-?[\d.]+)/.exec(values.get('range') ?? '');
    const resolution = Number(values.get('resolution'));
    const columns: ColumnSpec[] = [];
    for (let c = 1; c < fields.length; c++) {
      const label = RAW_COLUMNS[c - 1] ?? `column ${c + 1}`;
      if (c <= 3) {
        columns.push({
          column: c,
          label,
          kind: 'accel',
          unit: 'g',
          sensor: 'GENEActiv',
          axis: label as 'x' | 'y' | 'z',
          ...(resolution > 0 ? { resolution } : {}),
          ...(range ? { range: { min: Number(range[1]), max: Number(range[2]) } } : {}),
        });
      } else {
        columns.push({ column: c, label, kind: 'other', unit: label === 'light' ? 'lux' : label === 'temperature' ? 'deg C' : '' });
      }
    }
    const meta: Record<string, string> = {};
    for (const k of ['device unique serial code', 'device firmware version', 'device location code', 'subject code', 'measurement frequency', 'time zone']) {
      const v = values.get(k);
      if (v) meta[k] = v;
    }
    return buildPlan(
      {
        formatId: 'geneactiv',
        formatName: 'GENEActiv CSV',
        delimiter: ',',
        firstDataLine: first,
        startTime: t0.iso + zoneOf(values.get('time zone')),
        meta,
        ...(epochs
          ? { notRaw: `this GENEActiv export holds one summary row every ${rowStepS} s, not the raw ${deviceRate} Hz samples: twitches need the raw export` }
          : {}),
      },
      [{ type: 'rate', rateHz: rate, startS: 0 }],
      columns,
      { ...options, rateHz: undefined },
    );
  },
};
