import { describe, expect, it } from 'vitest';
import { restoreFromSidecar } from '../../core/review/restore';
import { makeSidecar, serializeSidecar } from '../../core/review/sidecar';

const saved = serializeSidecar(
  makeSidecar(
    'rest.csv',
    'fp-1',
    {
      subject: 'JD',
      sites: { emg1: 'left calf' },
      edits: [{ action: 'reject', channel: 'emg1', peakS: 4.2 }],
      sensitivity: 0.7,
      params: {},
      answers: { weakness: 'no', bogus: 'maybe' },
    },
    new Date('2026-03-04T05:06:07Z'),
  ),
);

describe('restoring saved work', () => {
  it('applies work saved for the same content and says from when', () => {
    const r = restoreFromSidecar(saved, 'fp-1', (iso) => iso.slice(0, 10));
    expect(r.restored?.work.edits).toEqual([{ action: 'reject', channel: 'emg1', peakS: 4.2 }]);
    expect(r.restored?.sensitivity).toBe(0.7);
    expect(r.restored?.subject).toBe('JD');
    expect(r.restored?.answers).toEqual({ weakness: 'no' });
    // A file saved before the recording context existed restores an empty one.
    expect(r.restored?.context).toEqual({ placement: '', muscle: '', posture: '', symptomDuration: '', weakness: '' });
    // The answer to a question this version does not ask is left out, and the user is told.
    expect(r.notice).toBe(
      'Restored your saved work from 2026-03-04. Parts this version cannot use were left out (checklist answers); the file is kept as it is, and your work from now on is saved beside it.',
    );
  });

  it('does not apply work saved for other content, and says so', () => {
    const r = restoreFromSidecar(saved, 'fp-2', (iso) => iso);
    expect(r.restored).toBeNull();
    expect(r.notice).toMatch(/content has changed/);
  });

  it('is silent when there is nothing saved, and explains a broken file', () => {
    expect(restoreFromSidecar(null, 'fp-1', (iso) => iso)).toEqual({ restored: null, notice: null });
    const broken = restoreFromSidecar('{', 'fp-1', (iso) => iso);
    expect(broken.restored).toBeNull();
    expect(broken.notice).toMatch(/not valid JSON/);
  });
});
