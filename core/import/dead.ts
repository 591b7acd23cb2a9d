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
  let min = Infinity;
  let max = -Infinity;
  let finite = 0;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v !== v) continue;
    finite++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (finite === 0) return 'no values';
  if (min === max) return min === 0 ? 'all zero' : `constant at ${Number(min.toPrecision(6))}`;
  // Most signals leave their extremes at once: stop as soon as enough samples sit between them.
  const allowed = finite * (1 - STUCK_SHARE);
  let between = 0;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v === v && v !== min && v !== max && ++between > allowed) return null;
  }
  return 'stuck at its limits';
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
