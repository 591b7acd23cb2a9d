import { countPeaks, widthAt, type Potentials } from './hysteresis';


export interface TwitchOptions {
  fs: number;
  /** Ringing reach after a large potential. */
  echoWindowMs: number;
  multipletGapMs: number;
  maxMultiplet: number;
  echoFraction: number;
  maxPotentialMs: number;
  /** Potentials of a doublet are at least this far apart. */
  minSeparationMs: number;
  /** A twitch this many times smaller than one within the echo window is ringing. */
  echoRatio: number;
  /** Dips shorter than this do not end a potential's width. */
  widthBridgeMs: number;
}

export interface Twitch {
  start: number;
  end: number;
  peak: number;
  amplitude: number;
  floor: number;
  multiplet: number;
}

/**
 * Groups candidate potentials into twitches. Potentials whose peaks follow each other within
 * `multipletGapMs` are one twitch (doublets and multiplets, Kleine et al. 2012); members below
 * `echoFraction` of the largest are its phases or filter ringing, not extra potentials. A group with more
 * than `maxMultiplet` members is a burst, and one whose largest potential is wider than `maxPotentialMs`
 * is not motor-unit-like; both are dropped. A multiplet's peak time is its first potential's (the discharge;
 * the later ones are its repeats), its amplitude the largest.
 */
export function groupTwitches(x: Float32Array, envelope: Float32Array, pot: Potentials, candidates: readonly number[], o: TwitchOptions): Twitch[] {
  const gap = (o.multipletGapMs / 1000) * o.fs;
  const maxWidth = (o.maxPotentialMs / 1000) * o.fs;
  const separation = Math.max(1, Math.round((o.minSeparationMs / 1000) * o.fs));
  const bridge = Math.max(1, Math.round((o.widthBridgeMs / 1000) * o.fs));
  const out: Twitch[] = [];
  let g = 0;
  while (g < candidates.length) {
    let e = g + 1;
    while (e < candidates.length && pot.peak[candidates[e]] - pot.peak[candidates[e - 1]] <= gap) e++;
    let best = candidates[g];
    for (let k = g; k < e; k++) if (pot.amplitude[candidates[k]] > pot.amplitude[best]) best = candidates[k];
    const top = pot.amplitude[best];
    let topEnvelope = 0;
    for (let k = g; k < e; k++) topEnvelope = maxFrom(envelope, pot.start[candidates[k]], pot.end[candidates[k]], topEnvelope);
    let members = 0;
    let firstPeak = -1;
    const first = { at: -1 };
    for (let k = g; k < e; k++) {
      members += countPeaks(envelope, pot.start[candidates[k]], pot.end[candidates[k]], o.echoFraction * topEnvelope, separation, first);
      if (firstPeak < 0) firstPeak = first.at;
    }
    const width = widthAt(x, pot.peak[best], pot.start[best], pot.end[best], 0.2, bridge);
    if (members <= o.maxMultiplet && width <= maxWidth) {
      out.push({
        start: pot.start[candidates[g]],
        end: pot.end[candidates[e - 1]],
        peak: members > 1 && firstPeak >= 0 ? largestNear(x, firstPeak, separation) : pot.peak[best],
        amplitude: top,
        floor: pot.floor[best],
        multiplet: Math.max(1, members),
      });
    }
    g = e;
  }
  return withoutEchoes(out, (o.echoWindowMs / 1000) * o.fs, o.echoRatio);
}

/**
 * Drops small twitches within `window` samples of one `ratio` times their size: the filters' ringing after a
 * large potential (notch ring time is about Q / (π f0), 0.2 s for Q 30 at 50 Hz), not a discharge.
 */
function withoutEchoes(twitches: Twitch[], window: number, ratio: number): Twitch[] {
  return twitches.filter((t, i) => {
    for (let j = i - 1; j >= 0 && t.peak - twitches[j].peak <= window; j--) if (twitches[j].amplitude > t.amplitude * ratio) return false;
    for (let j = i + 1; j < twitches.length && twitches[j].peak - t.peak <= window; j++) if (twitches[j].amplitude > t.amplitude * ratio) return false;
    return true;
  });
}

/** Math.max of `top` and envelope[from..to), in sample order: groupTwitches' per-sample loop, a function of its own so it is compiled early on its own. */
function maxFrom(envelope: Float32Array, from: number, to: number, top: number): number {
  for (let i = from; i < to; i++) top = Math.max(top, envelope[i]);
  return top;
}

function largestNear(x: Float32Array, at: number, reach: number): number {
  let best = at;
  for (let i = Math.max(0, at - reach); i <= Math.min(x.length - 1, at + reach); i++) if (Math.abs(x[i]) > Math.abs(x[best])) best = i;
  return best;
}
