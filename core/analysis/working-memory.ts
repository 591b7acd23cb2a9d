/**
 * How much working memory detection may take beside the samples, the drawn signals and what is kept: the
 * app's memory aim is 3x the samples as float32 plus 400 MB (issue 22), and the browser's threads and the
 * drawn pyramids took about 150 MB of that allowance in bench:app. A recording whose channels are long
 * (a day of two channels) is then analysed one channel at a time, and keeps no conditioned signals.
 */
export const WORKING_BUDGET_BYTES = 250e6;

/** A channel's detection works in its conditioned signal and its envelope: float32, pooled with 10 % to spare. */
const DETECTION_BYTES_PER_SAMPLE = 2 * 4 * 1.1;

/** Re-thresholding kept signals works in an envelope as long as the channel. */
const THRESHOLD_BYTES_PER_SAMPLE = 4 * 1.1;

/** How many of `lanes` may each detect on a channel of `samples` at once within the budget (at least one). */
export function lanesWithin(lanes: number, samples: number): number {
  return Math.max(1, Math.min(lanes, Math.floor(WORKING_BUDGET_BYTES / (DETECTION_BYTES_PER_SAMPLE * Math.max(1, samples)))));
}

/** Whether conditioned signals are worth keeping: re-thresholding the longest channel fits the budget. */
export function keepsConditioning(longestSamples: number): boolean {
  return THRESHOLD_BYTES_PER_SAMPLE * longestSamples <= WORKING_BUDGET_BYTES;
}
