/**
 * A fixed display gain, as EEG/EMG viewers show it: units per division, the same for every EMG channel, so a
 * quiet channel looks quiet beside a busy one. The plot shows ±HALF_DIVISIONS divisions around zero.
 */
export const GAIN_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000] as const;
export const HALF_DIVISIONS = 2;

/** The smallest step at or above `x` (the largest when none is). */
function stepAtLeast(x: number): number {
  return GAIN_STEPS.find((g) => g >= x) ?? GAIN_STEPS[GAIN_STEPS.length - 1];
}

/**
 * Enough gain that most twitches fit (their 95th-percentile amplitude within the plot); with no twitches,
 * eight times the noisiest channel's floor, so noise reads as a thin band rather than filling the plot.
 */
export function defaultGain(twitchAmplitudes: readonly number[], noiseFloors: readonly number[]): number {
  const amps = twitchAmplitudes.filter((a) => Number.isFinite(a) && a > 0).sort((a, b) => a - b);
  if (amps.length > 0) return stepAtLeast(amps[Math.min(amps.length - 1, Math.floor(0.95 * amps.length))] / HALF_DIVISIONS);
  const floor = Math.max(0, ...noiseFloors.filter(Number.isFinite));
  return stepAtLeast(floor > 0 ? (8 * floor) / HALF_DIVISIONS : 50);
}

/** One step larger traces (dir 1: fewer units per division) or smaller (dir -1). */
export function stepGain(gain: number, dir: 1 | -1): number {
  const i = GAIN_STEPS.indexOf(stepAtLeast(gain) as (typeof GAIN_STEPS)[number]);
  return GAIN_STEPS[Math.max(0, Math.min(GAIN_STEPS.length - 1, i - dir))];
}
