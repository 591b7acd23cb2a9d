import type { Prng } from './prng';

/** A direction in sensor axes (unit vector). */
export type Direction = [number, number, number];

export function randomUnit(rng: Prng): Direction {
  const v: Direction = [rng.gaussian(), rng.gaussian(), rng.gaussian()];
  const m = Math.hypot(...v) || 1;
  return [v[0] / m, v[1] / m, v[2] / m];
}

/**
 * How a phone sits on the thigh in a pocket: a mass on the soft tissue and cloth, a spring whose stiffness
 * differs by direction. Skin over the leg resists tangential movement with 330-1900 N/m, least
 * front-to-back on the proximal thigh (Karlsson & Tranberg, Gait Posture 1999, "On skin movement artefact:
 * resonant frequencies of skin markers attached to the leg"), and a sensor heavy for its mount rings at its
 * own resonance on the soft tissue rather than following the bone (34 g skin accelerometer vs a bone pin,
 * Saha & Lakes 1977). So each principal direction of the mount rings at its own frequency
 * sqrt(k / m) / 2 pi: 6-19 Hz for a 140-220 g phone, lightly damped (a real phone, handled and set down,
 * rings for 3-4 cycles at about 17 Hz: PHIRElab/ExampleAccML `Raw Data.csv` at 316.9 s, damping ratio about
 * 0.12).
 */
export interface Mount {
  axes: [Direction, Direction, Direction];
  hz: [number, number, number];
  damping: [number, number, number];
}

export function drawMount(rng: Prng): Mount {
  const a = randomUnit(rng);
  let b = randomUnit(rng);
  const dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  b = normalise([b[0] - dot * a[0], b[1] - dot * a[1], b[2] - dot * a[2]]);
  const c = cross(a, b);
  const mass = rng.uniform(0.14, 0.22);
  const hz = (): number => Math.sqrt(rng.logUniform(330, 1900) / mass) / (2 * Math.PI);
  return { axes: [a, b, c], hz: [hz(), hz(), hz()], damping: [rng.uniform(0.1, 0.3), rng.uniform(0.1, 0.3), rng.uniform(0.1, 0.3)] };
}

export interface Span {
  startS: number;
  endS: number;
}

/**
 * Knocks come in clusters: the hand tapping the thigh, the leg bumping the desk again as it settles, a
 * double tap (the gesture tap detectors look for: US 2010/0256947, "directional tap detection"). Clusters
 * start as a Poisson process; each holds 1-4 knocks 0.15-1.2 s apart, so the mean rate stays
 * `perMinute`. A knock while sitting is made by moving the leg or the hand, so half the clusters come with
 * a fidget (a shift or bounce of the leg) starting up to 1 s before the first knock.
 */
export function addKnockClusters(
  ax: Float64Array[],
  fs: number,
  durationS: number,
  perMinute: number,
  mount: Mount,
  rng: Prng,
  onKnock: (span: Span, peakS: number) => void,
  onFidget: (span: Span) => void,
): Span[] {
  const clusters: Span[] = [];
  const meanSize = 2.5;
  for (let t = 2 + rng.exponential(perMinute / 60 / meanSize); t < durationS - 5; t += rng.exponential(perMinute / 60 / meanSize)) {
    const size = rng.int(1, 4);
    const cluster: Span = { startS: t, endS: t };
    if (rng.next() < 0.5) {
      const f = addFidget(ax, fs, Math.max(1, t - rng.uniform(0, 1)), rng);
      onFidget(f);
      cluster.startS = Math.min(cluster.startS, f.startS);
      cluster.endS = Math.max(cluster.endS, f.endS);
    }
    let k = t;
    for (let i = 0; i < size && k < durationS - 3; i++) {
      const span = addKnock(ax, fs, k, mount, rng);
      onKnock(span, k);
      cluster.endS = Math.max(cluster.endS, span.endS);
      k = span.startS + rng.uniform(0.15, 1.2);
    }
    clusters.push(cluster);
    t = cluster.endS;
  }
  return clusters;
}

/**
 * A knock: a 2-6 ms contact (half sine, 0.05-0.5 g) in a 3-D direction, the housing ringing at 30-80 Hz for
 * 5-15 ms, and the phone ringing on its mount: the contact's velocity change is shared among the mount's
 * three directions, each a damped oscillator at its own frequency, so the movement turns as the modes drift
 * out of phase. A blow off the phone's centre also rocks it in the loose pocket: half the knocks leave it
 * tilted by 0.2-2 degrees (gravity moves by 3-35 mg) over 50-200 ms. Each sample holds the mean of the
 * waveform over its interval, as a sensor's own averaging would, so an impact shorter than a sample still
 * lands in it.
 */
export function addKnock(ax: Float64Array[], fs: number, t0: number, mount: Mount, rng: Prng): Span {
  const width = rng.uniform(0.002, 0.006);
  const amp = rng.uniform(0.05, 0.5);
  const ringHz = rng.uniform(30, 80);
  const tau = rng.uniform(0.005, 0.015);
  const dir = randomUnit(rng);
  // Velocity change of the contact (g s): the area under the half sine.
  const dv = (amp * width * 2) / Math.PI;
  const modes = mount.axes.map((u, k) => {
    const w = 2 * Math.PI * mount.hz[k];
    const z = mount.damping[k];
    return { u, w, z, wd: w * Math.sqrt(1 - z * z), v0: dv * (u[0] * dir[0] + u[1] * dir[1] + u[2] * dir[2]) };
  });
  let slowest = 0;
  for (const m of modes) slowest = Math.max(slowest, 5 / (m.z * m.w));
  const endS = t0 + width + slowest;
  const tilt = rng.next() < 0.5 ? tiltOf(ax, fs, t0, rng) : null;
  const sub = 16;
  const last = Math.min(ax[0].length - 1, Math.ceil(endS * fs));
  const v = [0, 0, 0];
  for (let i = Math.floor(t0 * fs); i <= last; i++) {
    v[0] = v[1] = v[2] = 0;
    for (let s = 0; s < sub; s++) {
      const t = (i - (s + 0.5) / sub) / fs - t0;
      if (t < 0) continue;
      const contact = amp * ((t < width ? Math.sin((Math.PI * t) / width) : 0) + 0.3 * Math.exp(-t / tau) * Math.sin(2 * Math.PI * ringHz * t));
      for (let a = 0; a < 3; a++) v[a] += contact * dir[a];
      // After the contact (taken as its midpoint) each mode pulls back: a = -w^2 x - 2 z w x'.
      const r = t - width / 2;
      if (r <= 0) continue;
      for (const m of modes) {
        const e = Math.exp(-m.z * m.w * r);
        const sn = Math.sin(m.wd * r);
        const cs = Math.cos(m.wd * r);
        const x = (m.v0 / m.wd) * e * sn;
        const xv = m.v0 * e * (cs - ((m.z * m.w) / m.wd) * sn);
        const acc = -m.w * m.w * x - 2 * m.z * m.w * xv;
        for (let a = 0; a < 3; a++) v[a] += acc * m.u[a];
      }
    }
    for (let a = 0; a < 3; a++) ax[a][i] += v[a] / sub;
  }
  if (tilt) addTilt(ax, fs, t0, tilt);
  return { startS: t0, endS };
}

interface Tilt {
  /** Change of the gravity vector once settled (g). */
  shift: Direction;
  settleS: number;
}

/** A small rotation of the phone about a random axis: gravity g turns by angle x (axis x g). */
function tiltOf(ax: Float64Array[], fs: number, t0: number, rng: Prng): Tilt {
  const i = Math.min(ax[0].length - 1, Math.max(0, Math.floor(t0 * fs) - 1));
  const g: Direction = [ax[0][i], ax[1][i], ax[2][i]];
  const angle = (rng.uniform(0.2, 2) * Math.PI) / 180;
  const c = cross(randomUnit(rng), g);
  return { shift: [angle * c[0], angle * c[1], angle * c[2]], settleS: rng.uniform(0.05, 0.2) };
}

function addTilt(ax: Float64Array[], fs: number, t0: number, tilt: Tilt): void {
  for (let i = Math.max(0, Math.floor(t0 * fs)); i < ax[0].length; i++) {
    const t = i / fs - t0;
    const s = t >= tilt.settleS ? 1 : 0.5 - 0.5 * Math.cos((Math.PI * t) / tilt.settleS);
    for (let a = 0; a < 3; a++) ax[a][i] += s * tilt.shift[a];
  }
}

/**
 * A fidget: either a small shift of the limb (a raised-cosine bump of 5-40 mg over 0.3-1.5 s) or a brief
 * bounce of the leg (3-6 Hz, 10-50 mg, 1-3 s).
 */
export function addFidget(ax: Float64Array[], fs: number, t0: number, rng: Prng): Span {
  const dir = randomUnit(rng);
  const bounce = rng.next() < 0.4;
  const len = bounce ? rng.uniform(1, 3) : rng.uniform(0.3, 1.5);
  const amp = bounce ? rng.uniform(0.01, 0.05) : rng.uniform(0.005, 0.04);
  const hz = rng.uniform(3, 6);
  for (let i = Math.floor(t0 * fs); i < Math.min(ax[0].length, (t0 + len) * fs); i++) {
    const t = i / fs - t0;
    const window = 0.5 - 0.5 * Math.cos((2 * Math.PI * t) / len);
    const v = bounce ? amp * window * Math.sin(2 * Math.PI * hz * t) : amp * window;
    for (let a = 0; a < 3; a++) ax[a][i] += dir[a] * v;
  }
  return { startS: t0, endS: t0 + len };
}

function cross(a: Direction, b: Direction): Direction {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

function normalise(v: Direction): Direction {
  const m = Math.hypot(...v) || 1;
  return [v[0] / m, v[1] / m, v[2] / m];
}
