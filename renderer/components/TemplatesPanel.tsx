import { useRef, useState } from 'react';
import type { ImportTemplate } from '../../core/import/templates';
import type { TemplatesApi } from '../session/useTemplates';

interface Props {
  templates: TemplatesApi;
  /** The open file's layout, to mark its template. */
  signature: string | null;
  onSave(name: string, text: string): Promise<boolean>;
  onMessage(message: string): void;
}

/** The user's import templates: rename, delete, export all as JSON, import a JSON file of them. */
export function TemplatesPanel({ templates, signature, onSave, onMessage }: Props) {
  const [names, setNames] = useState<Record<string, string>>({});
  const picker = useRef<HTMLInputElement>(null);
  const commit = (t: ImportTemplate) => {
    const name = (names[t.id] ?? t.name).trim();
    if (name && name !== t.name) void templates.rename(t.id, name).catch((e: unknown) => onMessage(`The template could not be renamed: ${String(e)}`));
  };
  const importFile = async (file: File) => {
    try {
      const n = await templates.importText(await file.text(), file.name);
      onMessage(`Imported ${n} template${n === 1 ? '' : 's'} from ${file.name}.`);
    } catch (e) {
      onMessage(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section className="card" aria-labelledby="templates-title" data-testid="templates">
      <h2 id="templates-title">Templates ({templates.list.length})</h2>
      <p className="muted">
        When you correct how a file was read, the corrections are kept for files with the same columns and applied to them when they
        open. You can rename or delete them, and move them to another computer as a JSON file.
      </p>
      {templates.list.length > 0 && (
        <ul className="template-list">
          {templates.list.map((t) => (
            <li key={t.id} data-testid="template-row" className={t.signature === signature ? 'current' : undefined}>
              <input
                aria-label={`Name of template ${t.name}`}
                value={names[t.id] ?? t.name}
                onChange={(e) => setNames((n) => ({ ...n, [t.id]: e.target.value }))}
                onBlur={() => commit(t)}
                onKeyDown={(e) => {
                  if (e.key !== 'Enter') return;
                  e.preventDefault();
                  commit(t);
                }}
              />
              <span className="muted template-layout">
                {t.signature === signature ? 'this file’s layout · ' : ''}
                {describe(t)}
              </span>
              <button onClick={() => void templates.remove(t.id)} aria-label={`Delete template ${t.name}`}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="inline-fields">
        <button onClick={() => void onSave('twitchscope-templates.json', templates.exportText())} disabled={templates.list.length === 0} data-testid="templates-export">
          Export all…
        </button>
        <button onClick={() => picker.current?.click()} data-testid="templates-import">
          Import…
        </button>
        <input
          ref={picker}
          type="file"
          accept=".json,application/json"
          hidden
          tabIndex={-1}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void importFile(f);
          }}
        />
      </div>
    </section>
  );
}

function describe(t: ImportTemplate): string {
  const parts: string[] = [];
  if (t.format) parts.push(`format ${t.format}`);
  if (t.rateHz) parts.push(`${t.rateHz} Hz`);
  const marked = Object.entries(t.columns ?? {}).filter(([, c]) => c.kind || c.unit);
  if (marked.length) parts.push(`${marked.length} column${marked.length === 1 ? '' : 's'} corrected`);
  const sites = Object.values(t.sites ?? {}).filter(Boolean).length;
  if (sites) parts.push(`${sites} body site${sites === 1 ? '' : 's'}`);
  return parts.join(', ') || 'no corrections';
}
