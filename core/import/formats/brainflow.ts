import type { ImportWarning } from '../../recording';
import { ImportError } from '../errors';
import { isFilled, splitEach, type Head } from '../head';
import type { ImportOptions } from '../options';
import type { TablePlan } from '../plan';
import { isoFromEpochS } from '../time';
import type { FormatDef } from './format';
import { buildPlan, type ColumnSpec } from './plan-builder';

/**
 * BrainFlow `DataFilter.write_file` output. Built from BrainFlow's source and docs: write_file prints the board
 * array transposed, one sample per line, every value `%lf` (six decimals), tab-separated, no header
 * (src/data_handler/data_handler.cpp); the column of each channel per board comes from
 * src/board_controller/brainflow_boards.cpp; ExG is in µV and timestamps are Unix seconds stamped on the host
 * (docs/DataFormatDesc.rst). A real Ganglion recording (tests/fixtures/brainflow-ganglion) bears the layout out:
 * two samples per host timestamp, 200 Hz, the unused accelerometer written as zeros.
 */

interface Board {
  id: number;
  name: string;
  rateHz: number;
  /** Number of values per line (BrainFlow's num_rows). */
  columns: number;
  /** ExG channels are columns 1..exg. */
  exg: number;
  /** First of three accelerometer columns (x, y, z). */
  accel: number;
  timestamp: number;
}

/** The boards supported, in the order a column-count tie is broken when the timestamps do not decide. */
const BOARDS: readonly Board[] = [
  { id: 0, name: 'OpenBCI Cyton', rateHz: 250, columns: 24, exg: 8, accel: 9, timestamp: 22 },
  { id: 1, name: 'OpenBCI Ganglion', rateHz: 200, columns: 15, exg: 4, accel: 5, timestamp: 13 },
  { id: -1, name: 'BrainFlow synthetic board', rateHz: 250, columns: 32, exg: 16, accel: 17, timestamp: 30 },
  { id: 2, name: 'OpenBCI Cyton + Daisy', rateHz: 125, columns: 32, exg: 16, accel: 17, timestamp: 30 },
  { id: 4, name: 'OpenBCI Ganglion (WiFi Shield)', rateHz: 1600, columns: 25, exg: 4, accel: 5, timestamp: 23 },
  { id: 5, name: 'OpenBCI Cyton (WiFi Shield)', rateHz: 1000, columns: 24, exg: 8, accel: 9, timestamp: 22 },
  { id: 6, name: 'OpenBCI Cyton + Daisy (WiFi Shield)', rateHz: 1000, columns: 32, exg: 16, accel: 17, timestamp: 30 },
];

const SIX_DECIMALS = /^-?\d+\.\d{6}$/;

function sampleRows(head: Head): string[][] {
  return splitEach(head.lines.slice(0, 200).filter(isFilled), '\t');
}

function looksLikeBrainFlow(rows: string[][]): boolean {
  if (rows.length < 3) return false;
  const n = rows[0].length;
  const board = BOARDS.find((b) => b.columns === n);
  if (!board) return false;
  return rows.every((r) => {
    if (r.length !== n || !r.every((f) => SIX_DECIMALS.test(f))) return false;
    const packet = Number(r[0]);
    const t = Number(r[board.timestamp]);
    return Number.isInteger(packet) && packet >= 0 && packet <= 255 && t > 1e9 && t < 1e10;
  });
}

/** Mean sample rate of the head's host timestamps (bursts average out over a few hundred rows). */
function measuredRate(rows: string[][], column: number): number | null {
  const t0 = Number(rows[0][column]);
  const t1 = Number(rows[rows.length - 1][column]);
  return t1 > t0 ? (rows.length - 1) / (t1 - t0) : null;
}

/** Among boards with this many columns, the one whose rate is nearest (in ratio) to `rate`. */
function pickBoard(columns: number, rate: number | null): Board {
  const candidates = BOARDS.filter((b) => b.columns === columns);
  if (rate === null || candidates.length === 1) return candidates[0];
  let best = candidates[0];
  for (const b of candidates) {
    if (Math.abs(Math.log(b.rateHz / rate)) < Math.abs(Math.log(best.rateHz / rate))) best = b;
  }
  return best;
}

/**
 * How the accelerometer columns update: OpenBCI boards read it at a tenth of the ExG rate, and the
 * firmware either repeats the last reading or writes zeros between readings.
 */
function accelUpdates(rows: string[][], first: number): 'hold' | 'zeros' | undefined {
  let zeros = 0;
  let repeats = 0;
  for (let i = 0; i < rows.length; i++) {
    const axes = rows[i].slice(first, first + 3);
    if (axes.every((a) => Number(a) === 0)) zeros++;
    else if (i > 0 && axes.every((a, k) => a === rows[i - 1][first + k])) repeats++;
  }
  if (zeros > rows.length / 2) return 'zeros';
  if (repeats > rows.length / 2) return 'hold';
  return undefined;
}

export const brainflowFile: FormatDef = {
  id: 'brainflow',
  name: 'BrainFlow CSV',
  description:
    'BrainFlow DataFilter.write_file output (Cyton, Ganglion, Cyton-Daisy, their WiFi Shield versions, synthetic board): the board is guessed from the column count and the timestamps; --rate overrides its rate',
  evidence: 'real',
  detect: (head) => (looksLikeBrainFlow(sampleRows(head)) ? 0.95 : 0),
  plan(head: Head, options: ImportOptions): TablePlan {
    const rows = sampleRows(head);
    if (!looksLikeBrainFlow(rows)) {
      throw new ImportError(head.name, 'this does not match a BrainFlow board layout (15, 24, 25 or 32 tab-separated values per line)', 'open it as a plain table with --format csv', 1);
    }
    const n = rows[0].length;
    const timestamp = BOARDS.find((b) => b.columns === n)!.timestamp;
    const measured = measuredRate(rows, timestamp);
    const board = pickBoard(n, options.rateHz ?? measured);
    const rate = options.rateHz ?? board.rateHz;
    const updates = accelUpdates(rows, board.accel);
    const columns: ColumnSpec[] = [];
    for (let c = 1; c <= board.exg; c++) columns.push({ column: c, label: `ExG ${c}`, kind: 'emg', unit: 'uV' });
    (['x', 'y', 'z'] as const).forEach((axis, k) =>
      columns.push({ column: board.accel + k, label: `accel ${axis}`, kind: 'accel', unit: 'g', sensor: 'board accelerometer', axis, ...(updates ? { updates } : {}) }),
    );
    const warnings: ImportWarning[] = [
      {
        message:
          options.rateHz === undefined
            ? `board guessed as ${board.name} from ${n} columns${measured ? ` and timestamps near ${measured.toFixed(0)} Hz` : ''}: read at ${board.rateHz} Hz (pass --rate if this is another board)`
            : `sample rate set to ${rate} Hz by the user; the board layout is ${board.name}'s (${n} columns)`,
      },
      { message: 'BrainFlow does not say which ExG channels are EMG: all of them are shown as EMG (mark others in the import check)' },
    ];
    return buildPlan(
      {
        formatId: 'brainflow',
        formatName: 'BrainFlow CSV',
        delimiter: '\t',
        firstDataLine: head.lines.findIndex((l) => l.trim() !== ''),
        startTime: isoFromEpochS(Number(rows[0][timestamp])),
        meta: { board: board.name, boardId: String(board.id), ...(measured ? { timestampRateHz: measured.toFixed(2) } : {}) },
        warnings,
      },
      [{ type: 'rate', rateHz: rate, startS: 0 }],
      columns,
      { ...options, rateHz: undefined },
    );
  },
};
