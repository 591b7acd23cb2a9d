import { makeSidecar, serializeSidecar } from '../../core/review/sidecar';

/** Saved work with `n` review edits: n = 20,000 is about 2 MB, so one write takes several system calls. */
export function workText(n: number, subject: string, fingerprint = 'fp-1'): string {
  const edits = Array.from({ length: n }, (_, i) => ({ action: 'reject' as const, channel: 'emg1', peakS: i * 0.25 }));
  return serializeSidecar(
    makeSidecar('calf.csv', fingerprint, { subject, sites: { emg1: 'left calf' }, edits, sensitivity: null, params: {}, answers: null }, new Date(0)),
  );
}
