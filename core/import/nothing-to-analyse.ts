import type { Recording } from '../recording';

/**
 * Why a recording gives nothing to analyse, said so the user can fix it: the columns that were read and
 * what each was taken for, and how to mark one as EMG or accelerometer.
 */
export function nothingToAnalyse(rec: Recording): string {
  const listed = rec.channels.slice(0, 20).map((c) => `"${c.label}" (${c.dead ? `no signal: ${c.dead.reason}` : c.kind === 'other' ? 'not EMG or accelerometer' : c.kind})`);
  const more = rec.channels.length > 20 ? `, and ${rec.channels.length - 20} more` : '';
  const example = rec.channels.find((c) => !c.dead) ?? rec.channels[0];
  return (
    `no EMG or accelerometer channel to analyse. Columns read: ${listed.join(', ')}${more}. ` +
    `Mark the muscle signal with --column "${example?.label ?? '2'}"=emg (a header text or a column number; add :mV or :uV for its unit), or in the app's import check`
  );
}
