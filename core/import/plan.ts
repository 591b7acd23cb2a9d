import type { Axis, ChannelKind, ImportWarning } from '../recording';

/** How a time column's values map to seconds. Epoch kinds also give the recording's start time. */
export type TimeUnit =
  | 's'
  | 'ms'
  /** Relative microseconds and nanoseconds: device uptime clocks (Android sensor events count ns since boot). */
  | 'us'
  | 'ns'
  | 'epoch-s'
  | 'epoch-ms'
  | 'epoch-us'
  | 'epoch-ns'
  /** ISO 8601 date-time text, with or without zone. */
  | 'iso'
  /** Clock time of day, `HH:MM:SS.fff`: seconds since midnight, a day added each time it wraps. */
  | 'time-of-day'
  /** Polar devices: nanoseconds since 2000-01-01T00:00:00Z. */
  | 'polar-ns';

/** Where a signal's sample times come from. */
export type ClockPlan =
  | {
      type: 'column';
      column: number;
      unit: TimeUnit;
      /** `row`: every data row has a time; `cell`: only rows whose time cell is filled (ragged exports). */
      presence: 'row' | 'cell';
      /** Rate the device states, used when the column's own spacing is too coarse to trust. */
      nominalRateHz?: number;
    }
  | { type: 'rate'; rateHz: number; startS: number };

export interface SignalPlan {
  column: number;
  id: string;
  label: string;
  /** The column's name as written in the file, when the label differs from it. */
  header?: string;
  kind: ChannelKind;
  /** Normalised unit after `scale` and `offset` are applied. */
  unit: string;
  /** value = raw * scale + offset. */
  scale: number;
  offset: number;
  clock: number;
  /**
   * With a rate clock: `row` takes every data row (empty = gap); `cell` takes only filled cells
   * (columns of different lengths side by side, or one device's rows padded with NaN text).
   */
  presence: 'row' | 'cell';
  sensor?: string;
  axis?: Axis;
  resolution?: number;
  range?: { min: number; max: number };
  /**
   * Accelerometers written at a faster row rate than they update: `hold` repeats the last value,
   * `zeros` writes 0 between updates. Only rows where the sensor changed are kept, at their row times.
   */
  updates?: 'hold' | 'zeros';
  /** The user chose this column's kind: it is analysed as that kind even when it looks dead. */
  marked?: boolean;
}

export interface SensorPlan {
  id: string;
  label: string;
}

export interface TablePlan {
  formatId: string;
  formatName: string;
  /** Field delimiter byte: `,` `;` tab, `|`, or space (runs of spaces). */
  delimiter: string;
  decimalComma: boolean;
  /** 0-based index of the first data line in the file. */
  firstDataLine: number;
  clocks: ClockPlan[];
  signals: SignalPlan[];
  sensors: SensorPlan[];
  /** Start time stated in a header (ISO 8601), used when no epoch time column gives one. */
  startTime: string | null;
  meta: Record<string, string>;
  warnings: ImportWarning[];
  notRaw?: string;
  /**
   * Columns at different rates written side by side without times: the first column's rate is known and
   * each other column's rate is scaled by its length relative to the first.
   */
  ratesFromLengths?: boolean;
  /** Every column's name in the file, signal or not: what `--column` may name. */
  columnNames?: string[];
}
