import { pickClock } from '../columns';
import type { Head } from '../head';
import type { ImportOptions } from '../options';
import type { ClockPlan, TablePlan } from '../plan';
import { viewTable, type ColumnProfile, type TableView } from '../profile';
import type { FormatDef } from './format';
import { buildPlan, type ColumnSpec } from './plan-builder';

/** Thalmic Myo armband streams its 8 EMG pods at 200 Hz (Myo SDK documentation). */
const MYO_RATE_HZ = 200;
const PODS = 8;

/** The Myo writes each pod as a signed 8-bit level. */
function isPodColumn(p: ColumnProfile): boolean {
  if (p.role.kind !== 'values') return false;
  const nums = p.values.filter((v) => !Number.isNaN(v));
  return nums.length > 0 && nums.every((v) => Number.isInteger(v) && v >= -128 && v <= 127);
}

/** The first eight 8-bit columns beside the time and counter columns: the pods, wherever the table puts them. */
function pods(view: TableView): number[] {
  return view.profiles.filter(isPodColumn).map((p) => p.column).slice(0, PODS);
}

function tryView(head: Head): TableView | null {
  try {
    return viewTable(head);
  } catch {
    return null;
  }
}

/**
 * Myo armband raw EMG logs: eight columns of 8-bit levels, with or without a header, a time column
 * (µs timestamps, two samples per packet) or a trailing gesture label. Columns are found by content.
 */
export const myoArmband: FormatDef = {
  id: 'myo-emg',
  name: 'Myo armband EMG',
  description: 'Thalmic Myo raw EMG: 8 columns of −128…127 (plus optional time and label columns), 200 Hz',
  evidence: 'real',
  detect(head: Head) {
    // Cheap first look: rows with eight small whole numbers; only then is the table profiled.
    const podRows = head.lines.slice(0, 60).filter((l) => (l.match(/(^|[,;\t ])-?\d{1,3}(?=$|[,;\t ])/g)?.length ?? 0) >= PODS).length;
    if (podRows < 5) return 0;
    const view = tryView(head);
    if (!view || view.rows.length < 5) return 0;
    const numeric = view.profiles.filter((p) => p.role.kind === 'values');
    const found = pods(view).length;
    // Eight pods, at most one more column of small numbers (a label), and levels that vary.
    return found === PODS && numeric.length <= PODS + 1 && numeric.filter(isPodColumn).length === numeric.length ? 0.6 : 0;
  },
  plan(head: Head, options: ImportOptions): TablePlan {
    const view = viewTable(head);
    const { clock } = pickClock(view.labels, view.named, view.profiles);
    const emg = pods(view);
    const columns: ColumnSpec[] = emg.map((c, i) => ({ column: c, label: view.named ? view.labels[c] : `Myo EMG ${i + 1}`, kind: 'emg', unit: 'a.u.' }));
    for (const p of view.profiles) {
      if (p.role.kind === 'values' && !emg.includes(p.column)) columns.push({ column: p.column, label: view.named ? view.labels[p.column] : 'gesture label', kind: 'other', unit: '' });
    }
    const clocks: ClockPlan[] = clock ? [{ ...clock, nominalRateHz: MYO_RATE_HZ }] : [{ type: 'rate', rateHz: MYO_RATE_HZ, startS: 0 }];
    return buildPlan(
      {
        formatId: 'myo-emg',
        formatName: 'Myo armband EMG',
        delimiter: view.shape.delimiter,
        firstDataLine: view.shape.firstDataLine,
        warnings: [
          { message: 'Myo EMG values are raw 8-bit levels without a volt calibration: amplitudes are in device units (a.u.)' },
          ...(options.rateHz === undefined && !clock ? [{ message: `the file states no rate: read at the Myo's ${MYO_RATE_HZ} Hz (pass --rate to change)` }] : []),
        ],
      },
      clocks,
      columns.sort((a, b) => a.column - b.column),
      options,
    );
  },
};
