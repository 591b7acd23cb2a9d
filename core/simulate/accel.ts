import { bandpassDesign } from '../dsp/design-cache';
import { ZeroPhaseFilter } from '../dsp/filtfilt';
import { Prng } from './prng';
import { dampedSine, dampedSinePeak } from './shapes';
import { addFidget, addKnockClusters, drawMount, randomUnit, type Direction, type Mount, type Span } from './knocks';
import type { TruthEvent } from './truth';

export interface AccelSimOptions {
  id: string;
  fs: number;
  durationS: number;
  seed: number;
  /** Noise density, µg/√Hz (consumer IMUs 60-160, detection notes 4.1). */
  noiseDensityUg: number;
  /** Quantisation step in g (e.g. 1/1024), or 0 for none. */
  lsbG: number;
  twitchesPerMinute: number;
  /** Twitch SNR range (peak / per-axis noise σ), log-uniform. */
  snr: [number, number];
  /** Walking bouts: start and length, seconds. */
  walking: Array<{ startS: number; durationS: number }>;
  /** Posture changes (arm turns, shifts) at these times. */
  postureChanges: number[];
  /** Prolonged elevated 8-30 Hz activity (tremor- or cramp-like): start and length. */
  sustained: Array<{ startS: number; durationS: number }>;
  /** Knocks per minute: the sensor (a phone in a pocket) bumps against something, in clusters (core/simulate/knocks.ts). */
  knocksPerMinute?: number;
  /** Fidgets per minute: small shifts and brief bounces of the limb, most below the movement threshold. */
  fidgetsPerMinute?: number;
  /**
   * The sensor rides loose on soft tissue and cloth (a phone in a trouser pocket), not strapped or taped to the
   * skin: its mount (core/simulate/knocks.ts `Mount`, the same one its knocks ring through) rings at 6-19 Hz,
   * and a twitch of the muscle under it reaches it as base excitation through that mount (`throughMount`).
   * Leave it off for a strapped wearable, whose stiff, light mount follows the skin well above the twitch band.
   */
  looseMount?: boolean;
}

export interface SimulatedAccel {
  /** x, y, z in g, gravity included. */
  axes: [Float32Array, Float32Array, Float32Array];
  truth: TruthEvent[];
  /** Per-axis white-noise σ, g. */
  noise: number;
}

const GUARD_S = 1.5;
const SPACING_S = 1;

/** A wrist- or limb-worn accelerometer with known twitches, walking, posture changes and prolonged activity. */
export function simulateAccel(o: AccelSimOptions): SimulatedAccel {
  const rng = new Prng(o.seed);
  const n = Math.round(o.durationS * o.fs);
  const ax = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const truth: TruthEvent[] = [];
  const noise = o.noiseDensityUg * 1e-6 * Math.sqrt(o.fs / 2);
  const busy: Array<[number, number]> = [];

  const orientation = randomUnit(rng);
  const gravity = orientationTrack(n, o, orientation, rng, truth);
  for (let k = 0; k < 3; k++) for (let i = 0; i < n; i++) ax[k][i] = gravity[k][i];

  for (const w of o.walking) {
    addWalking(ax, o.fs, w.startS, w.durationS, rng);
    truth.push({ channel: o.id, type: 'movement', startS: w.startS, endS: w.startS + w.durationS, peakS: w.startS, amplitude: 0, snr: 0, reason: 'walking' });
    busy.push([w.startS - GUARD_S, w.startS + w.durationS + GUARD_S]);
  }
  for (const t of o.postureChanges) busy.push([t - 2 * GUARD_S, t + 2 + 2 * GUARD_S]);
  for (const s of o.sustained) {
    addTremor(ax, o.fs, s.startS, s.durationS, noise * rng.uniform(4, 8), rng);
    truth.push({ channel: o.id, type: 'sustained', startS: s.startS, endS: s.startS + s.durationS, peakS: s.startS, amplitude: 0, snr: 0 });
    busy.push([s.startS - GUARD_S, s.startS + s.durationS + GUARD_S]);
  }
  const mark = (reason: 'knock' | 'fidget') => (span: Span, peakS = span.startS): void => {
    truth.push({ channel: o.id, type: 'movement', startS: span.startS, endS: span.endS, peakS, amplitude: 0, snr: 0, reason });
  };
  // Drawn only where something rings through it (the same draw as before this option for every knocked recording).
  const mount = o.knocksPerMinute || o.looseMount ? drawMount(rng) : null;
  if (o.knocksPerMinute && mount) {
    const clusters = addKnockClusters(ax, o.fs, o.durationS, o.knocksPerMinute, mount, rng, mark('knock'), mark('fidget'));
    for (const c of clusters) busy.push([c.startS - GUARD_S, c.endS + GUARD_S]);
  }
  if (o.fidgetsPerMinute) {
    for (let t = 2 + rng.exponential(o.fidgetsPerMinute / 60); t < o.durationS - 3; t += rng.exponential(o.fidgetsPerMinute / 60)) {
      const span = addFidget(ax, o.fs, t, rng);
      mark('fidget')(span);
      busy.push([span.startS - GUARD_S, span.endS + GUARD_S]);
      t = span.endS;
    }
  }
  const isBusy = (t: number): boolean => t < 1 || t > o.durationS - 1 || busy.some(([a, b]) => t >= a && t <= b);

  let last = -Infinity;
  for (let t = rng.exponential(o.twitchesPerMinute / 60); t < o.durationS; t += rng.exponential(o.twitchesPerMinute / 60)) {
    if (isBusy(t) || t - last < SPACING_S) continue;
    last = t;
    const f = rng.uniform(10, 25);
    const tau = rng.uniform(0.02, 0.05);
    const snr = rng.logUniform(o.snr[0], o.snr[1]);
    const amp = snr * noise;
    const dir = randomUnit(rng);
    if (o.looseMount && mount) {
      const seen = throughMount(ax, o.fs, t, f, tau, dir, amp, mount);
      truth.push({ channel: o.id, type: 'twitch', startS: t, endS: seen.endS, peakS: seen.peakS, amplitude: amp, snr });
      continue;
    }
    const peak = dampedSinePeak(f, tau);
    for (let i = Math.floor(t * o.fs); i < Math.min(n, (t + 6 * tau) * o.fs); i++) {
      const v = (amp / peak.value) * dampedSine(i / o.fs - t, f, tau);
      for (let k = 0; k < 3; k++) ax[k][i] += dir[k] * v;
    }
    truth.push({ channel: o.id, type: 'twitch', startS: t, endS: t + 4 * tau, peakS: t + peak.t, amplitude: amp, snr });
  }

  const axes = ax.map((a) => {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const v = a[i] + noise * rng.gaussian();
      out[i] = o.lsbG > 0 ? Math.round(v / o.lsbG) * o.lsbG : v;
    }
    return out;
  }) as [Float32Array, Float32Array, Float32Array];
  truth.sort((a, b) => a.startS - b.startS);
  return { axes, truth, noise };
}

/**
 * A twitch seen by a sensor riding loose on the limb (a phone in a pocket on the thigh). The twitch moves the
 * skin and cloth under the phone: the base acceleration a_b(t) is the simulator's twitch movement (damped
 * 10-25 Hz sine along one line, 20-50 ms), and the phone, a mass on the soft tissue, follows it through its
 * mount. Each mount direction u_k is a damped oscillator (the mount of the knocks: 6-19 Hz, damping 0.1-0.3),
 * and the phone's displacement relative to the base along it obeys
 *   z'' + 2 zeta w z' + w^2 z = -(u_k . a_b)
 * (base excitation of a single-degree-of-freedom system: Thomson & Dahl, Theory of Vibration with
 * Applications, ch. 3, "support motion"; for several directions the modes are uncoupled along the principal
 * axes of the stiffness, ch. 6). The phone's absolute acceleration along u_k is a_b . u_k + z'' =
 * -w^2 z - 2 zeta w z', which is what its accelerometer records. A heavy sensor on soft tissue does not follow
 * the bone but rings at its own resonance (Saha & Lakes 1977; skin-marker resonances 6-19 Hz on the thigh,
 * Karlsson & Tranberg 1999), and the twitch's movement (10-25 Hz; contraction 35-98 ms, Sica & McComas 1971)
 * lies on those resonances, so a loose phone rings in several modes for a twitch as it does for a knock.
 * The response is scaled so the largest |acceleration| the phone sees is `amp` (the scenario's SNR range is
 * the size at the sensor; how much a mount amplifies or attenuates the skin's movement is not known well
 * enough to pick), so the option changes the waveform, not the twitch sizes. Integrated by RK4 at <= 0.5 ms
 * and read at the sample instants; returns the peak (`bandPeakS`) and when the phone's movement has fallen
 * under 2 % of its largest |acceleration|.
 */
export function throughMount(ax: Float64Array[], fs: number, t0: number, f: number, tau: number, dir: Direction, amp: number, mount: Mount): { peakS: number; endS: number } {
  const sub = Math.max(1, Math.ceil(2000 / fs));
  const h = 1 / (fs * sub);
  let ring = 0;
  for (let k = 0; k < 3; k++) ring = Math.max(ring, 5 / (mount.damping[k] * 2 * Math.PI * mount.hz[k]));
  const first = Math.ceil(t0 * fs);
  const count = Math.min(ax[0].length, Math.ceil((t0 + 6 * tau + ring) * fs)) - first;
  if (count <= 0) return { peakS: t0, endS: t0 };
  // The fine grid starts up to one step before the twitch (nothing moves before it) and passes through every sample.
  const lead = Math.ceil((first / fs - t0) / h);
  const start = first / fs - lead * h;
  const steps = lead + (count - 1) * sub;
  const base = (t: number): number => (t < 0 || t > 6 * tau ? 0 : dampedSine(t, f, tau));
  const vec = [new Float64Array(steps + 1), new Float64Array(steps + 1), new Float64Array(steps + 1)];
  for (let k = 0; k < 3; k++) {
    const u = mount.axes[k];
    const w = 2 * Math.PI * mount.hz[k];
    const z2 = 2 * mount.damping[k] * w;
    const proj = u[0] * dir[0] + u[1] * dir[1] + u[2] * dir[2];
    const acc = (t: number, z: number, v: number): number => -w * w * z - z2 * v - proj * base(t - t0);
    let z = 0;
    let v = 0;
    for (let j = 0; j <= steps; j++) {
      const a = -w * w * z - z2 * v;
      for (let c = 0; c < 3; c++) vec[c][j] += a * u[c];
      const t = start + j * h;
      const k1v = acc(t, z, v);
      const k2z = v + (h / 2) * k1v;
      const k2v = acc(t + h / 2, z + (h / 2) * v, k2z);
      const k3z = v + (h / 2) * k2v;
      const k3v = acc(t + h / 2, z + (h / 2) * k2z, k3z);
      const k4z = v + h * k3v;
      const k4v = acc(t + h, z + h * k3z, k4z);
      z += (h / 6) * (v + 2 * k2z + 2 * k3z + k4z);
      v += (h / 6) * (k1v + 2 * k2v + 2 * k3v + k4v);
    }
  }
  let peak = 0;
  let endAt = 0;
  for (let j = 0; j <= steps; j++) peak = Math.max(peak, Math.hypot(vec[0][j], vec[1][j], vec[2][j]));
  if (peak === 0) return { peakS: t0, endS: t0 };
  for (let j = 0; j <= steps; j++) if (Math.hypot(vec[0][j], vec[1][j], vec[2][j]) >= 0.02 * peak) endAt = j;
  const scale = amp / peak;
  for (let i = 0; i < count; i++) for (let c = 0; c < 3; c++) ax[c][first + i] += scale * vec[c][lead + i * sub];
  return { peakS: bandPeakS(vec, lead, sub, count, fs, first), endS: start + endAt * h };
}

/**
 * Where the phone's movement in the twitch band (5-45 Hz, as the detection notes define it, 7.3) is largest, at
 * the sample instants. A phone ringing on its mount shows lobes of nearly one size, and its movement below 5 Hz
 * (the mount following the skin) can make the raw largest lobe one lobe away from the band's; the bench matches
 * a twitch by its peak within 50 ms, so the peak is taken where a twitch is defined.
 */
function bandPeakS(vec: Float64Array[], lead: number, sub: number, count: number, fs: number, first: number): number {
  const pad = Math.round(fs / 2);
  const filter = new ZeroPhaseFilter(bandpassDesign(4, 5, Math.min(45, 0.45 * fs), fs), pad);
  const band = vec.map((v) => {
    const x = new Float32Array(count + 2 * pad);
    for (let i = 0; i < count; i++) x[pad + i] = v[lead + i * sub];
    filter.apply(x, x);
    return x;
  });
  let best = pad;
  let top = -1;
  for (let i = pad; i < pad + count; i++) {
    const m = Math.hypot(band[0][i], band[1][i], band[2][i]);
    if (m > top) {
      top = m;
      best = i;
    }
  }
  return (first + best - pad) / fs;
}

/** Gravity in sensor axes, turning smoothly to a new orientation over 1-2 s at each posture change. */
function orientationTrack(n: number, o: AccelSimOptions, start: [number, number, number], rng: Prng, truth: TruthEvent[]): Float64Array[] {
  const g = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const changes = [...o.postureChanges].sort((a, b) => a - b).map((t) => ({ t, len: rng.uniform(1, 2), to: randomUnit(rng) }));
  for (const c of changes) truth.push({ channel: o.id, type: 'movement', startS: c.t, endS: c.t + c.len, peakS: c.t, amplitude: 0, snr: 0, reason: 'posture' });
  let from = start;
  let ci = 0;
  for (let i = 0; i < n; i++) {
    const t = i / o.fs;
    while (ci < changes.length && t >= changes[ci].t + changes[ci].len) from = changes[ci++].to;
    let v = from;
    const c = changes[ci];
    if (c && t >= c.t) {
      const s = 0.5 - 0.5 * Math.cos((Math.PI * (t - c.t)) / c.len);
      const mix: [number, number, number] = [from[0] + (c.to[0] - from[0]) * s, from[1] + (c.to[1] - from[1]) * s, from[2] + (c.to[2] - from[2]) * s];
      const m = Math.hypot(...mix) || 1;
      v = [mix[0] / m, mix[1] / m, mix[2] / m];
    }
    for (let k = 0; k < 3; k++) g[k][i] = v[k];
  }
  return g;
}

/** Steps at 1.6-2.1 Hz: a heel-strike transient per step, body bounce and arm swing. */
function addWalking(ax: Float64Array[], fs: number, startS: number, durationS: number, rng: Prng): void {
  const cadence = rng.uniform(1.6, 2.1);
  const strike = randomUnit(rng);
  const swing = randomUnit(rng);
  const from = Math.floor(startS * fs);
  const to = Math.min(ax[0].length, Math.floor((startS + durationS) * fs));
  for (let i = from; i < to; i++) {
    const t = i / fs - startS;
    const bounce = 0.15 * Math.sin(2 * Math.PI * cadence * t);
    const arm = 0.35 * Math.sin(Math.PI * cadence * t);
    for (let k = 0; k < 3; k++) ax[k][i] += strike[k] * bounce + swing[k] * arm;
  }
  for (let t = startS + rng.uniform(0, 0.3); t < startS + durationS; t += (1 + 0.04 * rng.gaussian()) / cadence) {
    const amp = rng.uniform(0.3, 0.8);
    const f = rng.uniform(8, 15);
    for (let i = Math.floor(t * fs); i < Math.min(to, (t + 0.2) * fs); i++) {
      const v = amp * dampedSine(i / fs - t, f, 0.03);
      for (let k = 0; k < 3; k++) ax[k][i] += strike[k] * v;
    }
  }
}

/** Band-limited 8-30 Hz activity of the given RMS per axis, with 0.5 s ramps. */
function addTremor(ax: Float64Array[], fs: number, startS: number, durationS: number, rmsG: number, rng: Prng): void {
  const comps = Array.from({ length: 12 }, () => ({ f: rng.uniform(8, Math.min(30, 0.45 * fs)), p: rng.uniform(0, 2 * Math.PI), d: randomUnit(rng) }));
  const scale = (rmsG * Math.sqrt(2)) / Math.sqrt(comps.length / 3);
  const from = Math.floor(startS * fs);
  const to = Math.min(ax[0].length, Math.floor((startS + durationS) * fs));
  for (let i = from; i < to; i++) {
    const t = i / fs - startS;
    const ramp = Math.min(1, t / 0.5, (durationS - t) / 0.5);
    for (const c of comps) {
      const v = scale * ramp * Math.sin(2 * Math.PI * c.f * t + c.p);
      for (let k = 0; k < 3; k++) ax[k][i] += c.d[k] * v;
    }
  }
}
