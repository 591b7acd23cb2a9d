import { describe, expect, it } from 'vitest';
import { EMPTY_CONTEXT } from '../../core/review/context';
import { analysisInHand, analysisInputs, initialState, reduce, type SessionState } from '../../renderer/session/state';
import type { Analysis } from '../../core/analysis/types';
import type { OpenedFile } from '../../core/platform/api';
import type { LoadedRecording } from '../../renderer/worker/protocol';

const file = (key: string): OpenedFile => ({ name: `${key}.csv`, size: 10, key, read: async () => new Uint8Array(0) });
const loaded = { recording: { fingerprint: 'f1' }, pyramids: {} } as unknown as LoadedRecording;
const work = { sites: { emg1: 'left calf' }, edits: [{ action: 'reject' as const, channel: 'emg1', peakS: 3 }] };

function opened(s: SessionState, key: string, restored: boolean): SessionState {
  return reduce(s, {
    type: 'opened',
    file: file(key),
    settings: {},
    loaded,
    restored: restored ? { work, sensitivity: 0.8, params: {}, subject: 'AB', answers: {}, recordedAt: null, context: { ...EMPTY_CONTEXT, muscle: 'left soleus' } } : null,
    notice: null,
  });
}

describe('session state', () => {
  it('starts from restored work, and undo cannot go behind it', () => {
    const s = opened(initialState, 'a', true);
    expect(s.phase).toBe('check');
    expect(s.history.present).toEqual(work);
    expect(s.sensitivity).toBe(0.8);
    expect(s.context.muscle).toBe('left soleus');
    expect(reduce(s, { type: 'undo' })).toEqual(s);
  });

  it('re-reading the same file with new import settings keeps the work; another file starts fresh', () => {
    let s = opened(initialState, 'a', false);
    s = reduce(s, { type: 'work', work });
    s = reduce(s, { type: 'sensitivity', value: 0.3 });
    const again = opened(s, 'a', false);
    expect(again.history.present).toEqual(work);
    expect(again.history.past.length).toBe(1);
    expect(again.sensitivity).toBe(0.3);
    const other = opened(s, 'b', false);
    expect(other.history.present).toEqual({ sites: {}, edits: [] });
    expect(other.sensitivity).toBeNull();
  });

  it('the recording context is kept when the same file is read again and starts empty for another', () => {
    let s = opened(initialState, 'a', false);
    const context = { ...EMPTY_CONTEXT, posture: 'lying prone', symptomDuration: '3 months' };
    s = reduce(s, { type: 'context', value: context });
    expect(opened(s, 'a', false).context).toEqual(context);
    expect(opened(s, 'b', false).context).toEqual(EMPTY_CONTEXT);
  });

  it('back from the import check with nothing changed, the analysis in hand is reused; new inputs or a re-read need a run', () => {
    const analysis = { events: [] } as unknown as Analysis;
    const inputs = analysisInputs({ emg1: 'left calf' }, { sensitivity: 0.5 });
    let s = reduce(opened(initialState, 'a', false), { type: 'analysed', analysis, inputs });
    s = reduce(s, { type: 'back-to-check' });
    expect(s.phase).toBe('check');
    expect(analysisInHand(s, analysisInputs({ emg1: 'left calf' }, { sensitivity: 0.5 }))).toBe(analysis);
    expect(analysisInHand(s, analysisInputs({ emg1: 'left calf' }, { sensitivity: 0.6 }))).toBeNull();
    expect(analysisInHand(s, analysisInputs({ emg1: 'right calf' }, { sensitivity: 0.5 }))).toBeNull();
    expect(analysisInHand(opened(s, 'a', false), inputs)).toBeNull();
  });

  it('a failure leaves the phase as it was; dismissing clears the message', () => {
    let s = opened(initialState, 'a', false);
    s = reduce(s, { type: 'busy', stage: 'analyse', fraction: 0.5, label: 'x' });
    s = reduce(s, { type: 'failed', message: 'bad' });
    expect(s.phase).toBe('check');
    expect(s.busy).toBeNull();
    expect(s.error).toBe('bad');
    expect(reduce(s, { type: 'notice', message: null }).error).toBeNull();
  });
});
