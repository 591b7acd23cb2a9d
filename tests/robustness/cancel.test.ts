import { describe, expect, it } from 'vitest';
import { analyseRecording } from '../../core/analysis/analyse';
import { importRecording, ImportCancelled, textSource } from '../../core/import/index';
import { genericSeed } from '../fuzz/corpus';

// About 3.5 MB: four 1 MiB chunks, so Cancel can land between any two of them.
const TEXT = genericSeed(70_000);

describe('progress and Cancel', () => {
  it('reports progress rising to 1, in step with the bytes read', async () => {
    const seen: number[] = [];
    await importRecording(textSource('long.csv', TEXT), { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]);
    expect(seen.at(-1)).toBe(1);
  });

  it('stops with ImportCancelled after whichever chunk Cancel follows, the last one too, and a fresh import still works', async () => {
    let total = 0;
    await importRecording(textSource('long.csv', TEXT), { onProgress: () => total++ });
    expect(total).toBeGreaterThanOrEqual(3);
    for (let after = 1; after <= total; after++) {
      const signal = { aborted: false };
      let chunks = 0;
      const outcome = await importRecording(textSource('long.csv', TEXT), {
        signal,
        onProgress: () => {
          if (++chunks === after) signal.aborted = true;
        },
      }).catch((e: unknown) => e);
      expect(outcome).toBeInstanceOf(ImportCancelled);
      expect(chunks).toBe(after);
    }
    const rec = await importRecording(textSource('long.csv', TEXT));
    expect(rec.channels[0].data.length).toBe(70_000);
  });

  it('stops the analysis at its next checkpoint with an AbortError', async () => {
    const rec = await importRecording(textSource('long.csv', TEXT));
    const signal = { aborted: false };
    let reports = 0;
    const run = () =>
      analyseRecording(rec, {
        signal,
        onProgress: () => {
          if (++reports === 2) signal.aborted = true;
        },
      });
    expect(run).toThrow(expect.objectContaining({ name: 'AbortError' }));
    expect(reports).toBe(2);
  });
});
