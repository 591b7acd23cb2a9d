import { describe, expect, it } from 'vitest';
import { agreementOf, agreementSummary, precisionPhrase } from '../../core/review/agreement';
import { applyReview } from '../../core/review/apply';
import { addEvent, setReview, type ReviewEdit } from '../../core/review/edits';
import { makeAnalysis } from '../guidance/make-analysis';

/** 64 detected twitches on two calves and one sustained episode, reviewed through the same edits the app makes. */
const base = makeAnalysis([
  { id: 'emg1', site: 'left calf', restS: 600, twitches: 40, sustained: [12] },
  { id: 'emg2', site: 'right calf', restS: 600, twitches: 24 },
]);
const twitches = base.events.filter((e) => e.type === 'twitch');

function review(confirm: number, reject: number, add: number): ReviewEdit[] {
  let edits: ReviewEdit[] = [];
  twitches.slice(0, confirm).forEach((e) => (edits = setReview(edits, e, 'confirm')));
  twitches.slice(confirm, confirm + reject).forEach((e) => (edits = setReview(edits, e, 'reject')));
  for (let i = 0; i < add; i++) edits = addEvent(edits, { channel: 'emg2', peakS: 700 + i, startS: 699.995 + i, endS: 700.005 + i, amplitude: 30 });
  return edits;
}

describe('agreement between the review and the detector', () => {
  it('says "not reviewed" when nobody reviewed', () => {
    const a = agreementOf(applyReview(base, []));
    expect(a).toMatchObject({ detected: 64, confirmed: 0, rejected: 0, unchecked: 64, added: 0, precision: null, status: 'not-reviewed' });
    expect(agreementSummary(a)).toBe('not reviewed (64 detected)');
    expect(precisionPhrase(a)).toBeNull();
  });

  it('a full review gives the detector precision on this recording, rejected events still counted as detected', () => {
    const a = agreementOf(applyReview(base, review(60, 4, 3)));
    expect(a).toMatchObject({ detected: 64, confirmed: 60, rejected: 4, unchecked: 0, added: 3, status: 'reviewed' });
    expect(a.precision).toBeCloseTo(60 / 64);
    expect(agreementSummary(a)).toBe('64 detected: 60 confirmed, 4 rejected; 3 added');
    expect(precisionPhrase(a)).toBe('detector precision 94% (60 of 64 checked)');
  });

  it('a partial review names what is left unchecked and takes precision over the checked ones only', () => {
    const a = agreementOf(applyReview(base, review(20, 2, 1)));
    expect(a.status).toBe('partly-reviewed');
    expect(agreementSummary(a)).toBe('64 detected: 20 confirmed, 2 rejected, 42 not checked; 1 added');
    expect(precisionPhrase(a)).toBe('detector precision 91% (20 of 22 checked)');
  });

  it('only added events still count as a review; precision stays unknown', () => {
    const a = agreementOf(applyReview(base, review(0, 0, 2)));
    expect(a.status).toBe('partly-reviewed');
    expect(a.precision).toBeNull();
    expect(agreementSummary(a)).toBe('64 detected: 0 confirmed, 0 rejected, 64 not checked; 2 added');
  });

  it('counts one event type and, when asked, one channel', () => {
    let edits: ReviewEdit[] = [];
    twitches.filter((e) => e.channel === 'emg1').slice(0, 10).forEach((e) => (edits = setReview(edits, e, 'confirm')));
    edits = setReview(edits, base.events.find((e) => e.type === 'sustained')!, 'reject');
    const reviewed = applyReview(base, edits);
    expect(agreementOf(reviewed, 'sustained')).toMatchObject({ detected: 1, rejected: 1, status: 'reviewed', precision: 0 });
    expect(agreementOf(reviewed, 'twitch', 'emg2')).toMatchObject({ detected: 24, confirmed: 0, status: 'not-reviewed' });
    expect(agreementOf(reviewed, 'twitch', 'emg1')).toMatchObject({ detected: 40, confirmed: 10, unchecked: 30 });
  });
});
