/**
 * What the method cannot tell, said once and plainly where a clinician reads: the limits of surface EMG and
 * of worn accelerometers, and that detection was measured on simulated recordings only.
 */
import type { Analysis } from '../analysis/types';
import { esc, section } from './html';

export const SURFACE_EMG_LIMITS: readonly string[] = [
  'A surface electrode cannot tell fasciculation potentials from voluntary motor-unit firing, myokymic, neuromyotonic or cramp discharges, or artifacts. Every event here is twitch-like, not a confirmed fasciculation.',
  'It cannot see fibrillation potentials or the shape of single motor-unit potentials, and it does not replace needle EMG.',
  'Sustained activity may be a cramp or ordinary use of the muscle; the signal cannot tell which.',
];

export const ACCELEROMETER_LIMITS: readonly string[] = [
  'A worn accelerometer cannot feel single motor units. Its events are brief movements of the limb at rest, which twitching of many fibres, small shifts or tremor can all cause; they are not motor-unit twitches.',
  'Sustained activity on an accelerometer may be a cramp, a tremor or movement.',
];

export const VALIDATION_LIMIT =
  'Detection was tuned and measured on simulated recordings, not validated against expert-annotated clinical recordings. There is no normal range for these rates, and a rate cannot show that twitching is harmless.';

export const REST_LIMIT = '"Rest" is time the program kept after leaving out activity, artifacts, movement and gaps; nobody confirmed the muscle was relaxed.';

export function limitsSection(analysis: Analysis): string {
  const lines: string[] = [];
  if (analysis.channels.some((c) => c.kind === 'emg')) lines.push(...SURFACE_EMG_LIMITS);
  if (analysis.channels.some((c) => c.kind === 'accel')) lines.push(...ACCELEROMETER_LIMITS);
  if (lines.length === 0) return '';
  lines.push(REST_LIMIT, VALIDATION_LIMIT);
  return section('limits', 'What this method cannot tell', `<ul class="limits">${lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`);
}

/**
 * The trend report's limits. The library keeps no sensor kinds, so both sensors are named; and a change
 * between days can come from the recording as well as from the muscle.
 */
export const TREND_LIMITS: readonly string[] = [
  'Every event counted here is twitch-like: a surface electrode cannot tell fasciculation potentials from voluntary motor-unit firing, other discharges or artifacts, and a worn accelerometer picks up brief movements of the limb, not single motor units. Neither replaces an examination or needle EMG.',
  'A rate from one day also depends on where the sensor sat, the posture and what the muscle did before; a change between recordings may come from these as well as from the muscle.',
  REST_LIMIT,
  VALIDATION_LIMIT,
];

export function trendLimitsSection(): string {
  return section('limits', 'What these figures cannot tell', `<ul class="limits">${TREND_LIMITS.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`);
}
