import type { Channel, ImportWarning } from '../recording';
import type { TablePlan } from './plan';

/** Channels named one by one in the note; the rest are counted. */
const LISTED = 12;

/** Share of samples at the two extremes above which a channel is stuck at its limits (railed), not a signal. */
const STUCK_SHARE = 0.9;

/**
 * Why a channel holds no signal, or null when it does: no values, all zero, one constant value, or nearly
 * every sample at its lowest or highest value (an amplifier railed by a loose electrode, a disconnected input).
 */
export function deadReason(data: Float32Array): string | null {
  const n = data.length;
  const range = new Float64Array([Infinity, -Infinity, 0]);
  for (let from = 0; from < n; from = blockEnd(from, n)) rangeOf(data, from, blockEnd(from, n), range);
  const [min, max, finite] = range;
  if (finite === 0) return 'no values';
  if (min === max) return min === 0 ? 'all zero' : `constant at ${Number(min.toPrecision(6))}`;
  // Most signals leave their extremes at once: stop as soon as enough samples sit between them.
  const allowed = finite * (1 - STUCK_SHARE);
  let between = 0;
  for (let from = 0; from < n && between <= allowed; from = blockEnd(from, n)) between += countBetween(data, from, blockEnd(from, n), min, max);
  return between > allowed ? null : 'stuck at its limits';
}

/**
 * The channel a block at a time: called once for a whole channel, a loop was compiled on the stack and
 * thrown out at its end, channel after channel; a block at a time it is hot after a few blocks and compiled
 * whole. The first block is short, so the code after each loop has run before V8 compiles the loop.
 */
function blockEnd(from: number, n: number): number {
  return Math.min(n, from + (from === 0 ? 256 : 1 << 16));
}

/** The lowest and highest sample of [from, to) and how many are numbers, carried on in `range`: [min, max, finite]. */
function rangeOf(data: Float32Array, from: number, to: number, range: Float64Array): void {
  let min = range[0];
  let max = range[1];
  let finite = range[2];
  for (let i = from; i < to; i++) {
    const v = data[i];
    if (v !== v) continue;
    finite++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  range[0] = min;
  range[1] = max;
  range[2] = finite;
}

/** Samples of [from, to) strictly between `min` and `max`. */
function countBetween(data: Float32Array, from: number, to: number, min: number, max: number): number {
  let between = 0;
  for (let i = from; i < to; i++) {
    const v = data[i];
    if (v === v && v !== min && v !== max) between++;
  }
  return between;
}

/**
 * EMG channels and accelerometers (all axes) with no signal are kept, named in one note, and set to kind
 * `other`, so analysis, the timeline and the report leave them out. A column the user marked stays as marked.
 */
export function setAsideDead(plan: TablePlan, channels: Channel[], warnings: ImportWarning[], checked?: (channel: number) => void): void {
  const found: string[] = [];
  const reasonOf = new Map<Channel, string>();
  channels.forEach((c, j) => {
    if ((c.kind === 'emg' || c.kind === 'accel') && !plan.signals[j].marked) {
      const r = deadReason(c.data);
      if (r) reasonOf.set(c, r);
    }
    checked?.(j);
  });
  for (const c of channels) {
    const reason = reasonOf.get(c);
    if (!reason) continue;
    // One still axis of a live accelerometer is a reading, not a fault.
    if (c.kind === 'accel' && channels.some((o) => o.sensor === c.sensor && o.kind === 'accel' && !reasonOf.has(o))) continue;
    c.dead = { reason, kindWas: c.kind };
    c.kind = 'other';
    found.push(`"${c.label}" (${reason})`);
  }
  if (found.length > 0) {
    const listed = found.length > LISTED ? `${found.slice(0, LISTED).join(', ')} and ${found.length - LISTED} more` : found.join(', ');
    warnings.push({
      message: `no signal in ${found.length === 1 ? 'this channel' : `these ${found.length} channels`}, so ${found.length === 1 ? 'it is' : 'they are'} not analysed or drawn: ${listed}. Mark ${found.length === 1 ? 'it' : 'one'} as EMG or accelerometer in the import check to include it anyway`,
    });
  }
}
