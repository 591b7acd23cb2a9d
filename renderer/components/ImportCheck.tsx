import { useMemo, useState } from 'react';
import { analysedChannels } from '../../core/analysis/channels';
import type { ChannelKind, Recording } from '../../core/recording';
import { formatDuration, formatHz, formatUnit } from '../../core/format';
import type { ImportSettings } from '../worker/protocol';
import { SiteSelect } from './SiteSelect';

interface Props {
  recording: Recording;
  settings: ImportSettings;
  sites: Record<string, string | null>;
  formats: ReadonlyArray<{ id: string; name: string }>;
  hasAnalysis: boolean;
  onSite(id: string, site: string | null): void;
  onReimport(settings: ImportSettings): void;
  onAnalyse(): void;
  onBackToReview(): void;
}

const KINDS: ReadonlyArray<[ChannelKind, string]> = [
  ['emg', 'EMG'],
  ['accel', 'Accelerometer'],
  ['other', 'Not analysed'],
];

/** What the importer found, and the chance to correct its guesses before analysis. */
export function ImportCheck(props: Props) {
  const { recording: rec, settings, sites, formats } = props;
  const [format, setFormat] = useState(settings.format ?? '');
  const [rate, setRate] = useState(settings.rateHz ? String(settings.rateHz) : '');
  const [columns, setColumns] = useState<NonNullable<ImportSettings['columns']>>(settings.columns ?? {});
  const analysed = useMemo(() => analysedChannels(rec, sites), [rec, sites]);
  const siteRow = new Map<string, string>();
  for (const a of analysed) siteRow.set(a.kind === 'emg' ? a.id : rec.sensors.find((s) => s.id === a.id)?.channelIds[0] ?? a.id, a.id);

  const next: ImportSettings = {
    ...(format ? { format } : {}),
    ...(rate && Number(rate) > 0 ? { rateHz: Number(rate) } : {}),
    ...(Object.keys(columns).length ? { columns } : {}),
  };
  const changed = JSON.stringify(next) !== JSON.stringify(settings);
  const setColumn = (label: string, patch: { kind?: ChannelKind; unit?: string }) =>
    setColumns((c) => ({ ...c, [label]: { ...c[label], ...patch } }));
  const gaps = rec.timing.reduce((g, t) => ({ count: Math.max(g.count, t.gaps), seconds: Math.max(g.seconds, t.gapS) }), { count: 0, seconds: 0 });
  const rates = [...new Set(rec.channels.map((c) => formatHz(c.sampleRateHz)))].join(', ');

  return (
    <main className="page" data-testid="import-check">
      <section className="card" aria-labelledby="file-title">
        <h1 id="file-title" tabIndex={-1} data-screen-heading>
          Check the import: {rec.file}
        </h1>
        <dl className="facts">
          <div>
            <dt>Format</dt>
            <dd data-testid="format">{rec.formatName}</dd>
          </div>
          <div>
            <dt>Duration</dt>
            <dd>{formatDuration(rec.durationS)}</dd>
          </div>
          <div>
            <dt>Channels</dt>
            <dd>
              {rec.channels.length} ({analysed.length} analysed)
            </dd>
          </div>
          <div>
            <dt>Sample rates</dt>
            <dd>{rates}</dd>
          </div>
          <div>
            <dt>Start</dt>
            <dd>{rec.startTime ? new Date(rec.startTime).toLocaleString() : 'not stated in the file'}</dd>
          </div>
          <div>
            <dt>Size</dt>
            <dd>{(rec.sizeBytes / 1e6).toFixed(rec.sizeBytes > 1e7 ? 0 : 1)} MB</dd>
          </div>
        </dl>
        {gaps.count > 0 && (
          <p style={{ marginTop: 10, marginBottom: 0 }} data-testid="import-gaps">
            {gaps.count} gap{gaps.count === 1 ? '' : 's'} in the timing ({formatDuration(gaps.seconds)} in all); they are left out of the analysis.
          </p>
        )}
        {rec.notRaw && (
          <p className="banner" role="note" style={{ marginTop: 10 }}>
            {rec.notRaw}
          </p>
        )}
        {rec.warnings.length === 0 && (
          <p className="muted" style={{ marginTop: 10, marginBottom: 0 }} data-testid="import-warnings">
            No warnings while reading the file.
          </p>
        )}
        {rec.warnings.length > 0 && (
          <>
            <h3 style={{ marginTop: 10 }}>Notes from reading the file ({rec.warnings.length})</h3>
            <ul className="warnings" data-testid="import-warnings">
              {rec.warnings.slice(0, 50).map((w, i) => (
                <li key={i}>
                  {w.line !== undefined ? `Line ${w.line}: ` : ''}
                  {w.message}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="channels-title">
        <h2 id="channels-title">Channels and body sites</h2>
        <p className="muted">
          Say where each sensor was placed so counts are grouped by body site. Correct a column's type or unit if it was guessed
          wrong, then apply.
        </p>
        <table className="grid" data-testid="channel-table">
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Type</th>
              <th scope="col">Unit</th>
              <th scope="col" className="num">
                Rate
              </th>
              <th scope="col">Body site</th>
            </tr>
          </thead>
          <tbody>
            {rec.channels.map((ch) => {
              const o = columns[ch.label] ?? {};
              const analysedId = siteRow.get(ch.id);
              const a = analysedId ? analysed.find((x) => x.id === analysedId) : undefined;
              return (
                <tr key={ch.id}>
                  <td>
                    {ch.label}
                    {ch.axis ? <span className="muted"> (axis {ch.axis})</span> : null}
                  </td>
                  <td>
                    <select aria-label={`Type of ${ch.label}`} value={o.kind ?? ch.kind} onChange={(e) => setColumn(ch.label, { kind: e.target.value as ChannelKind })}>
                      {KINDS.map(([k, name]) => (
                        <option key={k} value={k}>
                          {name}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      aria-label={`Unit of ${ch.label}`}
                      value={o.unit ?? formatUnit(ch.unit)}
                      size={6}
                      onChange={(e) => setColumn(ch.label, { unit: e.target.value.replace('µ', 'u') })}
                    />
                  </td>
                  <td className="num">{formatHz(ch.sampleRateHz)}</td>
                  <td>{a ? <SiteSelect id={a.id} label={a.label} value={a.site} onChange={(s) => props.onSite(a.id, s)} /> : <span className="muted">{ch.sensor ? 'with its sensor' : '–'}</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="fix-title">
        <h2 id="fix-title">If the file was read wrongly</h2>
        <div className="inline-fields">
          <div className="field">
            <label htmlFor="format-select">Format</label>
            <select id="format-select" value={format} onChange={(e) => setFormat(e.target.value)}>
              <option value="">Detect automatically ({rec.formatName})</option>
              {formats.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="rate-input">Sample rate (Hz)</label>
            <input id="rate-input" type="number" min={1} step="any" placeholder="as in the file" value={rate} onChange={(e) => setRate(e.target.value)} />
          </div>
          <button onClick={() => props.onReimport(next)} disabled={!changed} data-testid="reimport">
            Read the file again with these settings
          </button>
        </div>
      </section>

      <div className="actions sticky">
        {props.hasAnalysis && <button onClick={props.onBackToReview}>Back to the timeline</button>}
        <button className="primary" onClick={props.onAnalyse} disabled={analysed.length === 0 || !!rec.notRaw} data-testid="analyse">
          {analysed.length === 0 ? 'No EMG or accelerometer channel to analyse' : `Analyse ${analysed.length} channel${analysed.length === 1 ? '' : 's'}`}
        </button>
      </div>
    </main>
  );
}

