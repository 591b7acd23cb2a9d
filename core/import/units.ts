import type { ChannelKind } from '../recording';

/** Standard gravity, m/s² (CGPM 1901), to turn m/s² into g. */
export const STANDARD_GRAVITY = 9.80665;

export interface UnitInfo {
  /** Normalised unit: `uV` for voltages, `g` for accelerations, otherwise the unit as written. */
  unit: string;
  /** Multiply raw values by this to get `unit`. */
  scale: number;
  /** What the unit says the column holds, if anything. */
  kind: ChannelKind | null;
}

const VOLT: Record<string, number> = { uv: 1, µv: 1, μv: 1, microvolt: 1, microvolts: 1, mv: 1e3, millivolt: 1e3, millivolts: 1e3, v: 1e6, volt: 1e6, volts: 1e6, nv: 1e-3 };
const ACC: Record<string, number> = {
  g: 1,
  mg: 1e-3,
  'm/s^2': 1 / STANDARD_GRAVITY,
  'm/s2': 1 / STANDARD_GRAVITY,
  'm/s²': 1 / STANDARD_GRAVITY,
  'm/(s^2)': 1 / STANDARD_GRAVITY,
  'm s^-2': 1 / STANDARD_GRAVITY,
  'm*s^-2': 1 / STANDARD_GRAVITY,
  'mm/s^2': 1e-3 / STANDARD_GRAVITY,
};

/** Reads a unit as written (`uV`, `µV`, `mV`, `V`, `g`, `mg`, `m/s^2`, `m/(s^2)`...). */
export function parseUnit(text: string): UnitInfo | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, '');
  if (t === '') return null;
  if (t in VOLT) return { unit: 'uV', scale: VOLT[t], kind: 'emg' };
  if (t in ACC) return { unit: 'g', scale: ACC[t], kind: 'accel' };
  return { unit: text.trim(), scale: 1, kind: null };
}

/** The unit written in a column label: `EMG (mV)`, `X [mg]`, `emg_uv`, `Acceleration x (m/s^2)`. */
export function unitFromLabel(label: string): UnitInfo | null {
  const bracket = /[([]\s*([^()[\]]+(?:\([^()]*\))?[^()[\]]*)\s*[)\]]\s*$/.exec(label);
  if (bracket) {
    const u = parseUnit(bracket[1]);
    if (u && u.kind) return u;
  }
  const suffix = /[_\s-](uv|µv|μv|mv|v|mg|g|ms2|mps2)$/i.exec(label.trim());
  if (suffix) {
    const s = suffix[1].toLowerCase();
    if (s === 'ms2' || s === 'mps2') return parseUnit('m/s^2');
    return parseUnit(s);
  }
  return null;
}

/** Removes a trailing unit in brackets from a label. */
export function stripUnit(label: string): string {
  return label.replace(/\s*[([][^()[\]]*(?:\([^()]*\))?[^()[\]]*[)\]]\s*$/, '').trim();
}
