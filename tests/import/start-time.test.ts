// The start a format reads from the file's own text reaches the report's "Recorded" line and the exports'
// wall-clock times, so it is kept only when it is a date and time (npm run fuzz found a row of numbers there).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importRecording, textSource } from '../../core/import/index';

const garmin = readFileSync(join(__dirname, '../fixtures/garmin-acc/acc.csv'), 'utf8');

describe('the start time a file states', () => {
  it('is kept when it is a date and time (a real Garmin log)', async () => {
    const rec = await importRecording(textSource('acc.csv', garmin));
    expect(rec.startTime).toBe('2019-10-16T12:09:01.702+02:00');
    expect(rec.warnings.map((w) => w.message).join('\n')).not.toMatch(/start time/);
  });

  it('is left out, with a warning quoting it, when the file is opened as a format whose start it does not hold', async () => {
    const rows = garmin.split('\n').slice(0, 200).map((l, i) => l.replace(/^[^;]+/, String(1254165405654372 + 10_000 * i)));
    const rec = await importRecording(textSource('acc.csv', rows.join('\n')), { format: 'garmin-acc', rateHz: 25 });
    expect(rec.startTime).toBeNull();
    expect(rec.warnings.map((w) => w.message)).toContain('the start time the file gives ("1254165405654372") is not a date and time; the recording is shown without a date');
  });
});
