/**
 * Where a twitch the user clicked actually is: the largest deviation from the local baseline near the
 * click, so a slightly-off click still marks the spike's peak.
 */
export interface AddedSpan {
  peakS: number;
  startS: number;
  endS: number;
  amplitude: number;
}

/** Search half-width: a fasciculation potential lasts 5-15 ms, a click can miss it by a few pixels. */
export const CLICK_SEARCH_S = 0.03;

/**
 * `axes` are one channel or one sensor's axes on the same grid. Deviation is the Euclidean norm of each
 * axis minus its window median (robust to the spike itself). The span is the full width at half maximum
 * around the peak, the usual width measure for a pulse.
 */
export function spanNearClick(
  axes: readonly Float32Array[],
  sampleRateHz: number,
  startS: number,
  clickS: number,
  searchS = CLICK_SEARCH_S,
): AddedSpan | null {
  if (axes.length === 0) return null;
  const n = axes[0].length;
  const c = Math.round((clickS - startS) * sampleRateHz);
  const half = Math.max(1, Math.round(searchS * sampleRateHz));
  const i0 = Math.max(0, c - half);
  const i1 = Math.min(n, c + half + 1);
  if (i1 - i0 < 1) return null;
  const baseline = new Float64Array(axes.length);
  const window = new Float64Array(i1 - i0);
  for (let a = 0; a < axes.length; a++) {
    let count = 0;
    for (let i = i0; i < i1; i++) {
      const v = axes[a][i];
      if (!Number.isNaN(v)) window[count++] = v;
    }
    const sorted = window.subarray(0, count).sort();
    baseline[a] = count > 0 ? sorted[count >> 1] : 0;
  }
  const dev = new Float64Array(i1 - i0);
  let peak = -1;
  let peakI = -1;
  for (let i = i0; i < i1; i++) {
    let sq = 0;
    for (let a = 0; a < axes.length; a++) {
      const v = axes[a][i] - baseline[a];
      if (!Number.isNaN(v)) sq += v * v;
    }
    const d = Math.sqrt(sq);
    dev[i - i0] = d;
    if (d > peak) {
      peak = d;
      peakI = i;
    }
  }
  if (peakI < 0) return null;
  let s = peakI;
  while (s > i0 && dev[s - 1 - i0] >= peak / 2) s--;
  let e = peakI;
  while (e < i1 - 1 && dev[e + 1 - i0] >= peak / 2) e++;
  const t = (i: number) => startS + i / sampleRateHz;
  return { peakS: t(peakI), startS: t(s), endS: t(e), amplitude: peak };
}

/**
 * The smallest twitch the detector could have called on a channel, in its unit: k robust sigma over the noise
 * floor for EMG (k as this analysis used it, sensitivity included), the stated smallest detectable transient
 * for an accelerometer. Null when the analysis does not say.
 */
export function detectionFloor(
  channel: { kind: 'emg' | 'accel' },
  summary: { noiseFloor: number; minDetectable?: number } | undefined,
  parameters: Record<string, unknown>,
): number | null {
  if (!summary) return null;
  if (channel.kind === 'accel') return summary.minDetectable ?? null;
  const emg = parameters.emg as { twitchK?: unknown } | undefined;
  const k = typeof emg?.twitchK === 'number' ? emg.twitchK : null;
  return k !== null && summary.noiseFloor > 0 ? k * summary.noiseFloor : null;
}
