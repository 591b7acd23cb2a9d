import { useEffect, useMemo, useState } from 'react';
import type { LibraryEntry } from '../../core/library';
import { compareRecordings, placeInTime, recordingsWithSite, sitesOf } from '../../core/trends';
import { startLabel } from './format';

/** Two recordings of one site, and how the second compares with the first in words that follow the interval. */
export function ComparePicker({ entries }: { entries: readonly LibraryEntry[] }) {
  const sites = useMemo(() => sitesOf(placeInTime(entries).dated).filter((s) => recordingsWithSite(entries, s).length >= 2), [entries]);
  const [site, setSite] = useState('');
  const current = sites.includes(site) ? site : (sites[0] ?? '');
  const choices = useMemo(() => {
    const { dated, undated } = placeInTime(recordingsWithSite(entries, current));
    return [...dated.map((d) => d.recording), ...undated];
  }, [entries, current]);
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  // A new site starts from its first and latest recordings, the question people usually ask.
  useEffect(() => {
    setA(choices[0]?.fingerprint ?? '');
    setB(choices[choices.length - 1]?.fingerprint ?? '');
  }, [choices]);

  if (sites.length === 0) return <p className="muted">A comparison needs two recordings of the same site with rest time.</p>;
  const ra = choices.find((r) => r.fingerprint === a);
  const rb = choices.find((r) => r.fingerprint === b);
  const result = ra && rb && ra !== rb ? compareRecordings(ra, rb, current) : null;
  const option = (r: LibraryEntry) => (
    <option key={r.fingerprint} value={r.fingerprint}>
      {startLabel(r.startTime)} · {r.name}
    </option>
  );
  return (
    <section className="compare card" aria-labelledby="compare-title" data-testid="compare">
      <h2 id="compare-title">Compare two recordings</h2>
      <div className="compare-pickers">
        <label>
          Site
          <select value={current} onChange={(e) => setSite(e.target.value)} data-testid="compare-site">
            {sites.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Earlier or reference
          <select value={a} onChange={(e) => setA(e.target.value)} data-testid="compare-a">
            {choices.map(option)}
          </select>
        </label>
        <label>
          Compared with
          <select value={b} onChange={(e) => setB(e.target.value)} data-testid="compare-b">
            {choices.map(option)}
          </select>
        </label>
      </div>
      <p className="compare-text" aria-live="polite" data-testid="compare-text" data-verdict={result?.verdict ?? ''}>
        {result ? result.text : 'Pick two different recordings.'}
      </p>
      <p className="muted">The interval is what the counts allow; short recordings with few twitches give wide ranges. This describes the signal only.</p>
    </section>
  );
}
