/** A recording file on disk → Recording, with the user's import options and messages that name the file. */
import { ImportError, importRecording, readLayout } from '../core/import';
import { templateFor, withTemplate, type ImportTemplate } from '../core/import/templates';
import type { ImportOptions } from '../core/import/options';
import type { Recording } from '../core/recording';
import { NOT_REGULAR } from '../node/fs/read-regular';
import { fileSource } from './node-source';
import { progressLine, warn } from './terminal';
import type { RecordingThreads } from './thread-lanes';

/** The import choices the command line passes on; plain data, so they can be posted to a worker. */
export interface ReadOptions {
  format?: string;
  rate?: number;
  columns: Record<string, { kind?: 'emg' | 'accel' | 'other'; unit?: string }>;
  /** Templates from `--template FILE`: the one for the file's layout is applied under the options above. */
  templates?: ImportTemplate[];
  quiet: boolean;
}

/**
 * Reads a recording file; with `threads`, a large one is read in byte ranges on all of them at once. With
 * `sharedSamples`, a table's samples are read into shared memory where they can be (see ImportOptions).
 */
export async function readRecording(file: string, args: ReadOptions, showProgress = !args.quiet && process.stderr.isTTY, threads: RecordingThreads | null = null, sharedSamples = false): Promise<Recording> {
  let source;
  try {
    source = await fileSource(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ImportError(file, ...openProblem(code));
  }
  let options: ImportOptions = {
    ...(args.format ? { format: args.format } : {}),
    ...(args.rate ? { rateHz: args.rate } : {}),
    ...(Object.keys(args.columns).length ? { columns: args.columns } : {}),
    ...(sharedSamples ? { sharedSamples } : {}),
  };
  if (args.templates) {
    const template = await templateOf(source, args.templates);
    options = withTemplate(template, options);
  }
  const progress = showProgress && source.size > 20e6;
  if (progress) {
    let last = -1;
    options.onProgress = (f) => {
      const pct = Math.floor(f * 100);
      if (pct !== last) {
        last = pct;
        progressLine(`reading ${source.name}: ${pct}%`);
      }
    };
  }
  try {
    return await importRecording(source, options, threads ? { lanes: threads.rangeLanes(file) } : undefined);
  } finally {
    if (progress) warn('\n');
    await source.close();
  }
}

function openProblem(code: string | undefined): [string, string?] {
  if (code === 'ENOENT') return ['no such file', 'check the path'];
  if (code === 'EISDIR') return ['this is a folder, not a file'];
  if (code === NOT_REGULAR) return ['this is not a regular file (a pipe, socket or device)', 'give the path of the exported recording file'];
  return [`cannot open the file (${code ?? 'error'})`];
}

/** The template for the file's layout; an ImportError saying which layouts the templates are for when none fits. */
async function templateOf(source: Awaited<ReturnType<typeof fileSource>>, templates: readonly ImportTemplate[]): Promise<ImportTemplate> {
  const layout = await readLayout(source);
  const found = layout ? templateFor(templates, layout.signature) : null;
  if (found) return found;
  const known = templates.map((t) => `"${t.name}" (${t.layout || t.signature})`).join(', ');
  throw new ImportError(
    source.name,
    `no template for this file's layout (${layout?.description ?? 'a binary file'}); the template file has ${known || 'none'}`,
    'save a template for this layout in the app (correct one file of this kind), then export it',
  );
}

/** The body sites the template for this recording's layout gives, if any. */
export function templateSites(layout: { signature: string } | undefined, templates: readonly ImportTemplate[] | undefined): Record<string, string> {
  const t = layout && templates ? templateFor(templates, layout.signature) : null;
  const out: Record<string, string> = {};
  for (const [id, site] of Object.entries(t?.sites ?? {})) if (site) out[id] = site;
  return out;
}
