import type { DetectedEvent } from '../analysis/types';

/**
 * What a person has left to review: every finding the detector made (twitches and spans of activity), not
 * the artifacts and movement it set aside, nor the twitches the person added.
 */
export function isReviewable(e: DetectedEvent): boolean {
  return e.review !== 'added' && e.type !== 'artifact' && e.type !== 'movement';
}

export function isReviewed(e: DetectedEvent): boolean {
  return e.review === 'confirmed' || e.review === 'rejected';
}

export interface ReviewProgress {
  reviewed: number;
  total: number;
}

export function reviewProgress(events: readonly DetectedEvent[]): ReviewProgress {
  let reviewed = 0;
  let total = 0;
  for (const e of events) {
    if (!isReviewable(e)) continue;
    total++;
    if (isReviewed(e)) reviewed++;
  }
  return { reviewed, total };
}
