import { useEffect, useMemo, useRef, useState } from 'react';
import { analysedChannels } from '../../core/analysis/channels';
import { formatGroups } from '../../core/import/formats/vendors';
import type { Channel, ChannelKind, Recording } from '../../core/recording';
import { formatDuration, formatHz, formatMegabytes, formatReading, formatUnit } from '../../core/format';
import type { TemplateNote } from '../session/state';
import type { TemplatesApi } from '../session/useTemplates';
import type { ImportSettings, LoadedRecording } from '../worker/protocol';
import { ColumnPreview } from './ColumnPreview';
import { SiteSelect } from './SiteSelect';
import { TemplatesPanel } from './TemplatesPanel';
import './import-check.css';

interface Props {
  /** The file as read, or null when it could not be read as it is (then `problem` says why). */
  loaded: LoadedRecording | null;
  fileName: string;
  problem: string | null;
  settings: ImportSettings;
  sites: Record<string, string | null>;
  formats: ReadonlyArray<{ id: string; name: string }>;
  hasAnalysis: boolean;
  templateNote: TemplateNote | null;
  templates: TemplatesApi;
  onSite(id: string, site: string | null): void;
  onReimport(settings: ImportSettings): void;
  onUndoTemplate(): void;
  onSaveFile(name: string, text: string): Promise<boolean>;
  onMessage(message: string): void;
  onAnalyse(): void;
  onBackToReview(): void;
}

const KINDS: ReadonlyArray<[ChannelKind, string]> = [
  ['emg', 'EMG'],
  ['accel', 'Accelerometer'],
  ['other', 'Not analysed'],
];

/** Corrections name a column by its number in the file, which files of one layout share whatever their labels say. */
function columnKey(ch: Channel): string {
  return ch.column ? String(ch.column) : ch.label;
}

/**
 * What the importer found and a preview of every column, with its guesses open to correction. Every
 * correction reads the file again at once (a unit or rate once typed), so what is shown is what was read.
 */
export function ImportCheck(props: Props) {
  const { loaded, settings } = props;
  const rec = loaded?.recording ?? null;
  const apply = (patch: Partial<ImportSettings>) => props.onReimport(clean({ ...settings, ...patch }));
  const setColumn = (key: string, patch: { kind?: ChannelKind; unit?: string }) =>
    apply({ columns: { ...settings.columns, [key]: { ...settings.columns?.[key], ...patch } } });
  const emgLike = rec ? rec.channels.filter((c) => c.kind !== 'emg' && loaded!.previews[c.id]?.emgLike) : [];

  return (
    <main className="page import-check" data-testid="import-check">
      {props.templateNote && <TemplateBanner note={props.templateNote} onUndo={props.onUndoTemplate} />}
      {rec ? <Facts rec={rec} /> : <ReadProblem fileName={props.fileName} problem={props.problem} />}
      {rec && (
        <section className="card" aria-labelledby="channels-title">
          <h2 id="channels-title">What each column holds</h2>
          <p className="muted">
            Each column's first seconds as recorded, and below it the whole recording. Check the type and unit the importer guessed, and say
            where each sensor was placed. A change reads the file again at once.
          </p>
          {emgLike.length > 0 && (
            <p>
              <button
                onClick={() => apply({ columns: { ...settings.columns, ...Object.fromEntries(emgLike.map((c) => [columnKey(c), { ...settings.columns?.[columnKey(c)], kind: 'emg' as const }])) } })}
                data-testid="mark-emg-like"
              >
                Mark {emgLike.length === 1 ? 'the column' : `all ${emgLike.length} columns`} that could be muscle signal as EMG
              </button>{' '}
              <span className="muted">{emgLike.map((c) => c.label).join(', ')}</span>
            </p>
          )}
          <ChannelTable loaded={loaded!} settings={settings} sites={props.sites} onColumn={setColumn} onSite={props.onSite} />
        </section>
      )}
      <ReadAs rec={rec} settings={settings} formats={props.formats} onApply={apply} />
      <TemplatesPanel templates={props.templates} signature={rec?.layout?.signature ?? null} onSave={props.onSaveFile} onMessage={props.onMessage} />
      <Actions rec={rec} sites={props.sites} hasAnalysis={props.hasAnalysis} onAnalyse={props.onAnalyse} onBackToReview={props.onBackToReview} />
    </main>
  );
}

/** Settings without empty parts, so "no corrections" compares equal to none. */
function clean(s: ImportSettings): ImportSettings {
  const columns = Object.fromEntries(Object.entries(s.columns ?? {}).filter(([, c]) => c.kind || c.unit));
  return {
    ...(s.format ? { format: s.format } : {}),
    ...(s.rateHz && s.rateHz > 0 ? { rateHz: s.rateHz } : {}),
    ...(Object.keys(columns).length ? { columns } : {}),
  };
}

function TemplateBanner({ note, onUndo }: { note: TemplateNote; onUndo(): void }) {
  return (
    <div className="banner template-note" role="status" data-testid="template-note">
      {note.kind === 'applied' ? (
        <>
          <span>
            Applied your template “{note.name}” for files with these columns.
          </span>
          <button onClick={onUndo} data-testid="undo-template">
            Undo
          </button>
        </>
      ) : (
        <span>Your corrections are kept as the template “{note.name}”: the next file with these columns opens with them.</span>
      )}
    </div>
  );
}

function ReadProblem({ fileName, problem }: { fileName: string; problem: string | null }) {
  return (
    <section className="card" aria-labelledby="file-title" role="alert">
      <h1 id="file-title" tabIndex={-1} data-screen-heading>
        {fileName} could not be read as it is
      </h1>
      <p data-testid="read-problem">{problem}</p>
      <p className="muted">Choose the format or give the sample rate below, and the file is read again.</p>
    </section>
  );
}

function Facts({ rec }: { rec: Recording }) {
  const gaps = rec.timing.reduce((g, t) => ({ count: Math.max(g.count, t.gaps), seconds: Math.max(g.seconds, t.gapS) }), { count: 0, seconds: 0 });
  const rates = [...new Set(rec.channels.map((c) => formatHz(c.sampleRateHz)))].join(', ');
  const start = rec.startTime ? new Date(rec.startTime) : null;
  return (
    <section className="card" aria-labelledby="file-title">
      <h1 id="file-title" tabIndex={-1} data-screen-heading>
        Check the import: {rec.file}
      </h1>
      <dl className="facts">
        <Fact term="Format" value={rec.formatName} testId="format" />
        <Fact term="Duration" value={formatDuration(rec.durationS)} />
        <Fact term="Columns" value={String(rec.channels.length)} />
        <Fact term="Sample rates" value={rates} />
        <Fact term="Start" value={start && !Number.isNaN(start.getTime()) ? start.toLocaleString() : 'not stated in the file'} testId="start" />
        <Fact term="Size" value={formatMegabytes(rec.sizeBytes)} />
      </dl>
      {gaps.count > 0 && (
        <p data-testid="import-gaps">
          {gaps.count} pause{gaps.count === 1 ? '' : 's'} in the recording ({formatDuration(gaps.seconds)} in all), kept as gaps and left out of the analysis.
        </p>
      )}
      {rec.notRaw && (
        <p className="banner" role="note">
          {rec.notRaw}
        </p>
      )}
      {rec.warnings.length === 0 ? (
        <p className="muted" data-testid="import-warnings">
          No notes from reading the file.
        </p>
      ) : (
        <details open={rec.warnings.length <= 4}>
          <summary>Notes from reading the file ({rec.warnings.length})</summary>
          <ul className="warnings" data-testid="import-warnings">
            {rec.warnings.slice(0, 50).map((w, i) => (
              <li key={i}>
                {w.line !== undefined ? `Line ${w.line}: ` : ''}
                {w.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function Fact({ term, value, testId }: { term: string; value: string; testId?: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

interface TableProps {
  loaded: LoadedRecording;
  settings: ImportSettings;
  sites: Record<string, string | null>;
  onColumn(key: string, patch: { kind?: ChannelKind; unit?: string }): void;
  onSite(id: string, site: string | null): void;
}

function ChannelTable({ loaded, settings, sites, onColumn, onSite }: TableProps) {
  const rec = loaded.recording;
  const analysed = useMemo(() => analysedChannels(rec, sites), [rec, sites]);
  const siteRow = new Map<string, string>();
  for (const a of analysed) siteRow.set(a.kind === 'emg' ? a.id : rec.sensors.find((s) => s.id === a.id)?.channelIds[0] ?? a.id, a.id);
  return (
    <div className="table-scroll">
      <table className="grid channel-table" data-testid="channel-table">
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">First seconds, whole recording</th>
            <th scope="col" className="num">
              Range
            </th>
            <th scope="col" className="num">
              Noise
            </th>
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
            const p = loaded.previews[ch.id];
            const analysedId = siteRow.get(ch.id);
            const a = analysedId ? analysed.find((x) => x.id === analysedId) : undefined;
            return (
              <tr key={ch.id} data-testid={`column-${ch.id}`} className={ch.dead ? 'dead' : undefined}>
                <th scope="row">
                  {ch.label}
                  {ch.axis ? <span className="muted"> (axis {ch.axis})</span> : null}
                  {ch.dead && (
                    <div className="dead-note" data-testid="dead-note">
                      No signal ({ch.dead.reason}): not analysed
                    </div>
                  )}
                </th>
                <td>
                  <ColumnPreview label={ch.label} unit={ch.unit} preview={p} />
                </td>
                <td className="num">{p ? `${formatReading(p.min, '')} to ${formatReading(p.max, ch.unit)}` : '–'}</td>
                <td className="num">{p ? formatReading(p.noise, ch.unit) : '–'}</td>
                <td>
                  <select aria-label={`Type of ${ch.label}`} value={settings.columns?.[columnKey(ch)]?.kind ?? ch.kind} onChange={(e) => onColumn(columnKey(ch), { kind: e.target.value as ChannelKind })}>
                    {KINDS.map(([k, name]) => (
                      <option key={k} value={k}>
                        {name}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <UnitInput label={ch.label} value={settings.columns?.[columnKey(ch)]?.unit ?? formatUnit(ch.unit)} onCommit={(unit) => onColumn(columnKey(ch), { unit: unit.replace('µ', 'u') })} />
                </td>
                <td className="num">{formatHz(ch.sampleRateHz)}</td>
                <td>{a ? <SiteSelect id={a.id} label={a.label} value={a.site} onChange={(s) => onSite(a.id, s)} /> : <span className="muted">{ch.sensor && ch.kind === 'accel' ? 'with its sensor' : '–'}</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A value typed, reported when Enter is pressed or the field is left, once: reading the file again moves the
 * focus to the progress dialog, and that blur must not send the same value again (and cancel the read).
 */
function useCommitted(value: string, onCommit: (v: string) => void) {
  const [text, setText] = useState(value);
  const sent = useRef<string | null>(null);
  useEffect(() => {
    setText(value);
    sent.current = null;
  }, [value]);
  const commit = () => {
    const t = text.trim();
    if (t === value || t === sent.current) return;
    sent.current = t;
    onCommit(t);
  };
  // Enter commits; its default action must not reach the Cancel button the progress dialog focuses meanwhile.
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    commit();
  };
  return { text, setText, commit, onKeyDown };
}

/** A text field that reports its value when left or Enter is pressed, not on every key. */
function UnitInput({ label, value, onCommit }: { label: string; value: string; onCommit(v: string): void }) {
  const { text, setText, commit, onKeyDown } = useCommitted(value, onCommit);
  return <input aria-label={`Unit of ${label}`} value={text} size={6} onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={onKeyDown} />;
}

interface ReadAsProps {
  rec: Recording | null;
  settings: ImportSettings;
  formats: ReadonlyArray<{ id: string; name: string }>;
  onApply(patch: Partial<ImportSettings>): void;
}

function ReadAs({ rec, settings, formats, onApply }: ReadAsProps) {
  const detected = rec && !settings.format ? rec.format : null;
  const groups = useMemo(() => formatGroups(formats, rec?.format ?? null), [formats, rec]);
  const { text: rate, setText: setRate, commit: commitRate, onKeyDown: rateKey } = useCommitted(settings.rateHz ? String(settings.rateHz) : '', (t) => {
    const r = Number(t);
    if (t === '' || r > 0) onApply({ rateHz: t === '' ? undefined : r });
  });
  return (
    <section className="card" aria-labelledby="fix-title">
      <h2 id="fix-title">Read the file as</h2>
      <div className="inline-fields">
        <div className="field">
          <label htmlFor="format-select">Format</label>
          <select id="format-select" value={settings.format ?? ''} onChange={(e) => onApply({ format: e.target.value || undefined })} data-testid="format-select">
            <option value="">Detect automatically{detected ? ` (${rec!.formatName})` : ''}</option>
            {groups.map((g) => (
              <optgroup key={g.vendor} label={g.vendor}>
                {g.formats.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name}
                    {f.id === rec?.format ? ' (read as this now)' : ''}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="rate-input">Sample rate (Hz)</label>
          <input
            id="rate-input"
            type="number"
            min={0}
            step="any"
            placeholder="as in the file"
            value={rate}
            onChange={(e) => setRate(e.target.value)}
            onBlur={commitRate}
            onKeyDown={rateKey}
            data-testid="rate-input"
          />
        </div>
      </div>
    </section>
  );
}

interface ActionsProps {
  rec: Recording | null;
  sites: Record<string, string | null>;
  hasAnalysis: boolean;
  onAnalyse(): void;
  onBackToReview(): void;
}

function Actions({ rec, sites, hasAnalysis, onAnalyse, onBackToReview }: ActionsProps) {
  const analysed = useMemo(() => (rec ? analysedChannels(rec, sites) : []), [rec, sites]);
  return (
    <div className="actions sticky">
      {hasAnalysis && <button onClick={onBackToReview}>Back to the timeline</button>}
      <button className="primary" onClick={onAnalyse} disabled={analysed.length === 0 || !!rec?.notRaw} data-testid="analyse">
        {analysed.length === 0 ? 'No EMG or accelerometer channel to analyse' : `Analyse ${analysed.length} channel${analysed.length === 1 ? '' : 's'}`}
      </button>
    </div>
  );
}
