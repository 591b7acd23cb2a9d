import { Fragment, useMemo, useState } from 'react';
import { formatDuration } from '../../core/format';
import { queryLibrary, type LibraryEntry, type LibrarySortKey } from '../../core/library';
import { siteRateLabel, startLabel } from './format';
import { TagEditor } from './TagEditor';

interface Props {
  entries: readonly LibraryEntry[];
  onOpen(entry: LibraryEntry): void;
  onRemove(entry: LibraryEntry): void;
  onTags(entry: LibraryEntry, tags: string[]): void;
  onLocate(entry: LibraryEntry): void;
}

const COLUMNS: ReadonlyArray<{ key: LibrarySortKey | null; label: string }> = [
  { key: 'startTime', label: 'Recorded' },
  { key: 'name', label: 'File' },
  { key: 'durationS', label: 'Length' },
  { key: 'formatName', label: 'Format' },
  { key: 'rate', label: 'Twitches per minute of rest, by site' },
  { key: null, label: 'Tags' },
  { key: null, label: 'Actions' },
];

/** Every analysed recording: searchable, sortable by its column headers, each with its actions. */
export function LibraryTable({ entries, onOpen, onRemove, onTags, onLocate }: Props) {
  const [search, setSearch] = useState('');
  const [sortBy, setSortBy] = useState<LibrarySortKey>('startTime');
  const [descending, setDescending] = useState(true);
  const [editing, setEditing] = useState<string | null>(null);
  const rows = useMemo(() => queryLibrary(entries, { search, sortBy, descending }), [entries, search, sortBy, descending]);

  const sort = (key: LibrarySortKey) => {
    if (key === sortBy) setDescending(!descending);
    else {
      setSortBy(key);
      setDescending(key === 'startTime' || key === 'rate' || key === 'durationS');
    }
  };

  return (
    <section className="library-list" aria-label="Recordings in the library">
      <div className="library-search">
        <label htmlFor="library-search">Search</label>
        <input
          id="library-search"
          type="search"
          value={search}
          placeholder="file, site, tag or date"
          onChange={(e) => setSearch(e.target.value)}
          data-testid="library-search"
        />
        <span className="muted" aria-live="polite">
          {rows.length === entries.length ? `${entries.length} recordings` : `${rows.length} of ${entries.length} recordings`}
        </span>
      </div>
      {entries.length === 0 ? (
        <p className="muted">Recordings you analyse are listed here, with their figures by site. The files themselves stay where they are.</p>
      ) : (
        <table className="library-table" data-testid="library-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.label} scope="col" aria-sort={c.key !== null && c.key === sortBy ? (descending ? 'descending' : 'ascending') : undefined}>
                  {c.key === null ? (
                    c.label
                  ) : (
                    <button className="sort" onClick={() => sort(c.key!)} data-testid={`sort-${c.key}`}>
                      {c.label}
                      <span aria-hidden="true">{c.key === sortBy ? (descending ? ' ▼' : ' ▲') : ''}</span>
                    </button>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <Fragment key={e.fingerprint}>
                <tr data-testid="library-row" data-name={e.name} data-analysed-at={e.analysedAt} data-missing={e.missing ? 'true' : 'false'} className={e.missing ? 'missing' : undefined}>
                  <td>{startLabel(e.startTime)}</td>
                  <td className="name">
                    {e.name}
                    {e.missing && (
                      <span className="missing-badge" data-testid="missing">
                        file not found
                      </span>
                    )}
                  </td>
                  <td>{formatDuration(e.durationS)}</td>
                  <td>{e.formatName}</td>
                  <td>
                    {e.sites.length === 0 ? <span className="muted">no sites named</span> : e.sites.map((s) => <div key={s.site}>{siteRateLabel(s)}</div>)}
                  </td>
                  <td data-testid="row-tags">{e.tags.length === 0 ? <span className="muted">none</span> : e.tags.join(', ')}</td>
                  <td className="row-actions">
                    {e.missing ? (
                      <button onClick={() => onLocate(e)} data-testid="locate" aria-label={`Locate ${e.name}`}>
                        Locate…
                      </button>
                    ) : (
                      <button onClick={() => onOpen(e)} data-testid="library-open" aria-label={`Open ${e.name}`}>
                        Open
                      </button>
                    )}
                    <button onClick={() => setEditing(editing === e.fingerprint ? null : e.fingerprint)} aria-expanded={editing === e.fingerprint} data-testid="edit-tags" aria-label={`Tags for ${e.name}`}>
                      Tags…
                    </button>
                    <button onClick={() => onRemove(e)} data-testid="library-remove" aria-label={`Remove ${e.name} from the library (the file is kept)`} title="Takes it off this list; the file is not touched">
                      Remove
                    </button>
                  </td>
                </tr>
                {editing === e.fingerprint && (
                  <tr className="tag-row">
                    <td colSpan={COLUMNS.length}>
                      <TagEditor
                        name={e.name}
                        tags={e.tags}
                        onCancel={() => setEditing(null)}
                        onSave={(tags) => {
                          onTags(e, tags);
                          setEditing(null);
                        }}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
