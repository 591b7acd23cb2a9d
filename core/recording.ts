/**
 * The imported recording: every signal on a uniform time grid, one typed array per channel.
 * Produced only by `core/import`; everything downstream treats it as immutable.
 */

export type ChannelKind = 'emg' | 'accel' | 'other';

export type Axis = 'x' | 'y' | 'z';

export interface Channel {
  /** Unique within the recording, stable across imports of the same file (e.g. `emg1`, `acc1.x`). */
  id: string;
  /** The name as written in the file (or a generated one where the file has none). */
  label: string;
  /** The file's column it was read from, from 1 (what `--column` and templates name it by, whatever its label). */
  column?: number;
  kind: ChannelKind;
  /** Normalised unit: `uV` for EMG, `g` for acceleration; otherwise as read (`counts`, `deg/s`, ...). */
  unit: string;
  sampleRateHz: number;
  /** Seconds from the recording's first sample to this channel's first sample. */
  startS: number;
  /** Samples on a uniform grid at `sampleRateHz`; NaN marks a gap (missing cell or time gap). */
  data: Float32Array;
  /** Accelerometer axes of one physical sensor share a sensor id. */
  sensor?: string;
  axis?: Axis;
  /** Smallest step the device can record, in `unit` (e.g. 1/64 g for the Empatica E4), when known. */
  resolution?: number;
  /** Full-scale limits in `unit`, when known; samples at these values are clipped. */
  range?: { min: number; max: number };
  /** The sensor as the file describes it (EDF's transducer type), when it does. */
  transducer?: string;
  /** Filtering the device applied before the samples were stored (EDF's prefiltering), when stated. */
  prefilter?: string;
  /**
   * Set when the import found no signal in a channel read as EMG or accelerometer (all zero, constant,
   * stuck at its limits, no values): why, and the kind it was read as. Such a channel is kept with kind
   * `other`, so it is neither analysed nor drawn, unless the user marks its kind.
   */
  dead?: { reason: string; kindWas: ChannelKind };
}

/** A note the file carries at a time (EDF+ annotations): shown as a marker, kept on export. */
export interface RecordingAnnotation {
  /** Seconds from the recording's first sample. */
  onsetS: number;
  durationS: number | null;
  text: string;
}

/** The three axes of one accelerometer, analysed together as one vector. */
export interface SensorGroup {
  id: string;
  label: string;
  kind: 'accel';
  /** Channel ids in x, y, z order (a sensor may have fewer than three axes). */
  channelIds: string[];
  axes: Axis[];
}

export interface ImportWarning {
  message: string;
  line?: number;
  column?: number;
}

export interface TimingReport {
  channelId: string;
  /** Median interval of the time column, seconds. */
  medianIntervalS: number;
  /** Relative spread of intervals around the median (IQR / median). */
  jitter: number;
  gaps: number;
  gapS: number;
  duplicates: number;
  nonMonotonic: number;
}

export interface Recording {
  /** File name (no directories). */
  file: string;
  /** The file's layout (detected format and columns), which the user's import templates are keyed by. */
  layout?: { signature: string; description: string };
  /** Format id from the importer's registry (`twitchscope formats`). */
  format: string;
  formatName: string;
  /** ISO 8601 of the first sample, or null when the file does not say. */
  startTime: string | null;
  durationS: number;
  channels: Channel[];
  sensors: SensorGroup[];
  warnings: ImportWarning[];
  timing: TimingReport[];
  /** Byte size of the file. */
  sizeBytes: number;
  /**
   * Identifies the file's content for restoring the user's work: a hash of its size, first and last 64 KiB
   * (hashing every byte would cost more than parsing them).
   */
  fingerprint: string;
  /** Free-form facts the file states (device, firmware, subject...). */
  meta: Record<string, string>;
  /** Markers written in the file (EDF+ annotations), in time order. */
  annotations?: RecordingAnnotation[];
  /**
   * Set when the file holds derived values rather than raw samples (e.g. ActiGraph epoch counts):
   * the text says why twitch detection cannot run on it.
   */
  notRaw?: string;
}
