import { countPeaks, widthAt, type Potentials } from './hysteresis';

/** Potentials of a doublet are at least 10 ms apart (Kleine et al. 2012). */
const MIN_SEPARATION_S = 0.01;
/** The zero crossing inside one biphasic potential lasts well under 2 ms. */
const WIDTH_BRIDGE_S = 0.002;

export interface TwitchOptions {
  fs: number;
  multipletGapMs: number;
  maxMultiplet: number;
  echoFraction: number;
  maxPotentialMs: number;
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
 * is not motor-unit-like; both are dropped.
 */
export function groupTwitches(x: Float32Array, envelope: Float32Array, pot: Potentials, candidates: readonly number[], o: TwitchOptions): Twitch[] {
  const gap = (o.multipletGapMs / 1000) * o.fs;
  const maxWidth = (o.maxPotentialMs / 1000) * o.fs;
  const separation = Math.max(1, Math.round(MIN_SEPARATION_S * o.fs));
  const bridge = Math.max(1, Math.round(WIDTH_BRIDGE_S * o.fs));
  const out: Twitch[] = [];
  let g = 0;
  while (g < candidates.length) {
    let e = g + 1;
    while (e < candidates.length && pot.peak[candidates[e]] - pot.peak[candidates[e - 1]] <= gap) e++;
    let best = candidates[g];
    for (let k = g; k < e; k++) if (pot.amplitude[candidates[k]] > pot.amplitude[best]) best = candidates[k];
    const top = pot.amplitude[best];
    let topEnvelope = 0;
    for (let k = g; k < e; k++) for (let i = pot.start[candidates[k]]; i < pot.end[candidates[k]]; i++) topEnvelope = Math.max(topEnvelope, envelope[i]);
    let members = 0;
    for (let k = g; k < e; k++) members += countPeaks(envelope, pot.start[candidates[k]], pot.end[candidates[k]], o.echoFraction * topEnvelope, separation);
    const width = widthAt(x, pot.peak[best], pot.start[best], pot.end[best], 0.2, bridge);
    if (members <= o.maxMultiplet && width <= maxWidth) {
      out.push({
        start: pot.start[candidates[g]],
        end: pot.end[candidates[e - 1]],
        peak: pot.peak[best],
        amplitude: top,
        floor: pot.floor[best],
        multiplet: Math.max(1, members),
      });
    }
    g = e;
  }
  return out;
}
