import type { Axis, ChannelKind } from '../recording';
import { stripUnit, unitFromLabel, type UnitInfo } from './units';

export interface ColumnGuess {
  kind: ChannelKind;
  unit: UnitInfo | null;
  axis?: Axis;
  /** Label with the axis and unit removed: columns sharing it are one sensor. */
  sensorLabel?: string;
}

const EMG_WORDS = /\b(emg|semg|exg|muscle|muap)\b/i;
const ACC_WORDS = /\b(acc|accel|accelerometer|acceleration|acc_[xyz]|accx|accy|accz)\b/i;
export const NOT_SIGNAL = /\b(gyro|gyroscope|mag|magnetometer|temp|temperature|battery|pressure|gsr|eda|marker|trigger|label|event|digital|steps|heart|hr|ecg|ppg|bvp|spo2|quaternion|orientation|rotation|gravity|angle|goniometer)\b/i;

/** What a column header says about its contents: kind, unit and (for accelerometers) axis. */
export function guessColumn(label: string): ColumnGuess {
  const unit = unitFromLabel(label);
  const words = labelWords(label);
  const axis = axisOf(words);
  if (NOT_SIGNAL.test(words) && !EMG_WORDS.test(words) && !ACC_WORDS.test(words)) {
    return { kind: 'other', unit };
  }
  if (EMG_WORDS.test(words) || unit?.kind === 'emg') return { kind: 'emg', unit };
  if (ACC_WORDS.test(words) || unit?.kind === 'accel') {
    return { kind: 'accel', unit, axis: axis ?? undefined, sensorLabel: sensorLabelOf(label) };
  }
  return { kind: 'other', unit };
}

/**
 * `emg1`, `EMG_1`, `ch1-emg`, `xAcc` → `emg 1`, `EMG 1`, `ch 1 emg`, `x Acc`: names numbered or axis-prefixed
 * without a space still read as words.
 */
export function labelWords(label: string): string {
  return label
    .replace(/[_.:/-]+/g, ' ')
    .replace(/\b([a-z])([A-Z][a-z])/g, '$1 $2')
    .replace(/([a-z])(\d)/gi, '$1 $2')
    .replace(/(\d)([a-z])/gi, '$1 $2');
}

function axisOf(words: string): Axis | null {
  const m = /(?:^|[\s(])([xyz])(?:[\s)]|$)|acc([xyz])\b|\b([xyz])\s*axis\b|\baxis\s*([xyz])\b/i.exec(words.trim());
  const a = m && (m[1] ?? m[2] ?? m[3] ?? m[4]);
  return a ? (a.toLowerCase() as Axis) : null;
}

/** `wrist acc x (g)` → `wrist acc`; `Accel_LN_X_CAL` → `Accel LN CAL`. */
export function sensorLabelOf(label: string): string {
  const s = stripUnit(label)
    .replace(/[_.:/-]+/g, ' ')
    .replace(/\b[xyz]\b|(?<=acc)[xyz]\b|\baxis\b/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return s === '' ? 'accelerometer' : s;
}
