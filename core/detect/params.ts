/**
 * Every detection default in one place, each with where it comes from. `resolveParams` applies the
 * user's sensitivity knob and individual overrides; the result is stored with each analysis.
 */

interface Default {
  value: number;
  unit: string;
  source: string;
}

const d = (value: number, unit: string, source: string): Default => ({ value, unit, source });

export const EMG_DEFAULTS = {
  bandLowHz: d(20, 'Hz', 'SENIAM recommendations (Hermens et al. 2000): surface EMG high-pass 10-20 Hz'),
  bandHighHz: d(450, 'Hz', 'SENIAM (Hermens et al. 2000): low-pass near 500 Hz; clipped to 0.45 x sample rate'),
  filterOrder: d(4, '', 'Butterworth order 4, run forward and backward (zero phase)'),
  notchQ: d(30, '', 'Narrow IIR notch (Q 30) keeps the EMG band at 500 Hz sampling (Mewett et al. 2004 on notch trade-offs)'),
  mainsProminence: d(6, 'x', 'A mains line must stand 6x (7.8 dB) above its spectral neighbourhood to be notched'),
  noiseWindowS: d(1, 's', 'Robust sigma = median|x|/0.6745 per window (Hampel 1974)'),
  noiseNeighbourhoodS: d(30, 's', 'Local noise floor: 25th percentile of window sigmas within +/-30 s, so one loud stretch does not blind the rest'),
  envelopeMs: d(2, 'ms', 'Short RMS envelope, shorter than a motor unit potential (2-15 ms, normal MUAP duration)'),
  twitchK: d(5, 'x sigma', 'Fasciculation candidates at k = 5 robust sigma (range 4-6; surface FP detection practice, cf. SPiQE noise-responsive thresholds, Bashford et al. 2019)'),
  releaseK: d(2.5, 'x sigma', 'Hysteresis: a candidate ends when the envelope falls below 2.5 sigma (Bonato et al. 1998 double threshold)'),
  mergeGapMs: d(6, 'ms', 'Phases of one potential closer than 6 ms are one candidate'),
  minSnr: d(6, 'x sigma', 'A twitch must peak at least 6 sigma above the local floor (scoring floor of the accuracy benchmark)'),
  maxPotentialMs: d(40, 'ms', 'One potential is at most 40 ms wide at 20 % of its peak (surface FP priors: 5-30 ms)'),
  multipletGapMs: d(110, 'ms', 'Potentials within 10-110 ms form one twitch, a doublet or multiplet (Kleine et al. 2012)'),
  maxMultiplet: d(4, '', 'More than 4 potentials in a row is a burst, not a twitch'),
  notchEchoMs: d(250, 'ms', 'With mains notches, a twitch under a fifth the size of one within 250 ms is the notch ringing (ring time Q / (pi f0) = 0.2 s at Q 30, 50 Hz)'),
  echoFraction: d(0.4, '', 'Within a twitch, potentials below 40 % of the largest are ringing or phases, not members'),
  isolationMs: d(250, 'ms', 'No twitch within 250 ms of sustained activity or an artifact (detection notes, section 7.2)'),
  sustainedBinMs: d(25, 'ms', 'Activity measured in 25 ms bins, about one motor-unit potential plus its spacing'),
  sustainedBinK: d(3, 'x sigma', 'A bin is active when its RMS exceeds 3 sigma (Hodges & Bui 1996, h = 3)'),
  sustainedWindowS: d(0.5, 's', 'Density of active bins over 0.5 s windows (PLM scoring uses 0.5 s, AASM)'),
  sustainedOn: d(0.6, '', 'Dense activity: at least 60 % of bins active (cramp units fire 6-25 Hz each, Minetto et al. 2009)'),
  sustainedOff: d(0.3, '', 'Ends when fewer than 30 % of bins are active'),
  sustainedMinS: d(1, 's', 'Sustained, cramp-like activity lasts at least 1 s'),
  sustainedBridgeS: d(0.3, 's', 'Pauses shorter than 0.3 s do not split an episode (Bonato-style hysteresis)'),
  ecgK: d(3.5, 'x sigma', 'Heartbeats are searched at a lower threshold than twitches so the train is complete where beats hover near the twitch threshold'),
  ecgMinPeriodS: d(0.33, 's', 'Heart period 0.33-1.5 s (40-180 beats per minute)'),
  ecgMaxPeriodS: d(1.5, 's', 'Heart period 0.33-1.5 s (40-180 beats per minute)'),
  ecgShapeCorrelation: d(0.8, '', 'ECG beats are stereotyped: shape correlation >= 0.8 (template clustering, detection notes 7.2)'),
  ecgMinBeats: d(5, '', 'A train needs 5 similar, evenly spaced beats'),
  ecgIntervalTolerance: d(0.2, '', 'Consecutive beat intervals within 20 % of each other'),
  motionShortMs: d(30, 'ms', 'Motion band = 30 ms moving mean minus 500 ms moving mean (about 2-15 Hz; motion artifacts sit below 20 Hz, De Luca et al. 2010), with finite support so an artifact is not smeared over seconds'),
  motionLongMs: d(500, 'ms', 'See motionShortMs'),
  motionK: d(10, 'x sigma', 'Motion: low band above 10 x its own floor and 10 x the EMG noise floor, and larger than the EMG band at that time'),
  motionMarginS: d(0.2, 's', 'Excluded time around a motion artifact'),
  clipMinRun: d(3, 'samples', 'Clipping: at least 3 consecutive samples at full scale (detection notes 7.1)'),
  clipMarginS: d(0.1, 's', 'Excluded time around clipping, where the filters ring'),
  flatMinS: d(0.25, 's', 'Disconnected: the raw value does not change for 0.25 s'),
};

export const ACCEL_DEFAULTS = {
  bandLowHz: d(5, 'Hz', 'Twitch band 5-45 Hz removes gravity and posture (detection notes 7.3)'),
  bandHighHz: d(45, 'Hz', 'Twitch band 5-45 Hz; clipped to 0.45 x sample rate'),
  filterOrder: d(4, '', 'Butterworth order 4, zero phase'),
  twitchK: d(6, 'x sigma', 'Transient when the band-passed vector exceeds 6 robust sigma (5 sigma in the notes, raised for the 3-axis norm)'),
  releaseK: d(2.5, 'x sigma', 'Hysteresis release'),
  minSnr: d(6, 'x sigma', 'Reported transients peak at least 6 sigma above the floor'),
  maxTwitchMs: d(400, 'ms', 'A transient above threshold for 20-300 ms (notes 7.3), with room for slow sampling'),
  deadTimeMs: d(250, 'ms', 'Transients closer than 250 ms are one (notes 7.3)'),
  noiseWindowS: d(10, 's', 'Noise sigma per 10 s window'),
  moveLowHz: d(0.5, 'Hz', 'Gross movement band 0.5-5 Hz (stillness gate, notes 7.3)'),
  moveHighHz: d(5, 'Hz', 'Gross movement band 0.5-5 Hz'),
  moveWindowS: d(1, 's', 'Movement: 1 s RMS of the movement band (stillness gate, notes 7.3)'),
  moveOnG: d(0.015, 'g', 'Movement when the 1 s RMS exceeds 15 mg (stillness limit 10 mg, notes 7.3)'),
  moveOffG: d(0.008, 'g', 'Movement ends below 8 mg'),
  moveMarginS: d(0.5, 's', 'Excluded time around movement'),
  sustainedK: d(2.5, 'x sigma', 'Prolonged activity: 0.5 s RMS of the twitch band above 2.5 sigma'),
  sustainedMinS: d(2, 's', 'Prolonged activity lasts at least 2 s (notes 7.3: >= 2 s rise of 5-45 Hz RMS)'),
  referenceTwitchHz: d(15, 'Hz', 'Detectability reference: damped 15 Hz transient, 30 ms decay (MU twitch 35-98 ms contraction, Sica & McComas 1971)'),
};

export const SENSITIVITY_DEFAULT = d(0.5, '0..1', 'One knob: 0 = fewest detections, 1 = most; 0.5 gives the defaults above');

export type EmgParams = { [K in keyof typeof EMG_DEFAULTS]: number };
export type AccelParams = { [K in keyof typeof ACCEL_DEFAULTS]: number };

export interface DetectionParams {
  sensitivity: number;
  emg: EmgParams;
  accel: AccelParams;
}

function values<T extends Record<string, Default>>(defs: T): { [K in keyof T]: number } {
  const out = {} as { [K in keyof T]: number };
  for (const k of Object.keys(defs) as Array<keyof T>) out[k] = defs[k].value;
  return out;
}

/**
 * Sensitivity s in 0..1 moves the twitch thresholds (k and the minimum SNR): value = default x
 * (1 + 0.8 (0.5 - s)), so 0.5 keeps the defaults, 0 raises them by 40 % and 1 lowers them by 40 %.
 */
export function sensitivityScale(s: number): number {
  return 1 + 0.8 * (0.5 - Math.min(1, Math.max(0, s)));
}

/**
 * Overrides come as `{ sensitivity, emg: { twitchK }, accel: {...} }` or flat `{ 'emg.twitchK': 4 }`.
 * Unknown names and non-finite numbers are rejected so a typo is never silently ignored.
 */
export function resolveParams(overrides: Record<string, unknown> = {}): DetectionParams {
  const emg = values(EMG_DEFAULTS);
  const accel = values(ACCEL_DEFAULTS);
  let sensitivity = SENSITIVITY_DEFAULT.value;
  const explicit = new Set<string>();
  const set = (path: string, v: unknown): void => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`parameter ${path} must be a finite number`);
    if (path === 'sensitivity') {
      if (v < 0 || v > 1) throw new Error('parameter sensitivity must be between 0 and 1');
      sensitivity = v;
      return;
    }
    const [group, name] = path.split('.');
    const target = group === 'emg' ? emg : group === 'accel' ? accel : null;
    if (!target || name === undefined || !(name in target)) throw new Error(`unknown parameter ${path}`);
    (target as Record<string, number>)[name] = v;
    explicit.add(path);
  };
  for (const [key, v] of Object.entries(overrides)) {
    if ((key === 'emg' || key === 'accel') && v && typeof v === 'object') {
      for (const [name, inner] of Object.entries(v as Record<string, unknown>)) set(`${key}.${name}`, inner);
    } else set(key, v);
  }
  const scale = sensitivityScale(sensitivity);
  for (const [group, values] of [['emg', emg], ['accel', accel]] as const) {
    if (!explicit.has(`${group}.twitchK`)) values.twitchK *= scale;
    if (!explicit.has(`${group}.minSnr`)) values.minSnr *= scale;
  }
  return { sensitivity, emg, accel };
}

/** The parameter set as stored in the analysis JSON: values plus the source of each default. */
export function describeParams(p: DetectionParams): Record<string, unknown> {
  const sources: Record<string, string> = { sensitivity: SENSITIVITY_DEFAULT.source };
  for (const [k, v] of Object.entries(EMG_DEFAULTS)) sources[`emg.${k}`] = `${v.source} [${v.value}${v.unit ? ` ${v.unit}` : ''}]`;
  for (const [k, v] of Object.entries(ACCEL_DEFAULTS)) sources[`accel.${k}`] = `${v.source} [${v.value}${v.unit ? ` ${v.unit}` : ''}]`;
  return { sensitivity: p.sensitivity, emg: { ...p.emg }, accel: { ...p.accel }, sources };
}
