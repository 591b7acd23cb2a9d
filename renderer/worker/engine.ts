import { analyseRecording } from '../../core/analysis/analyse';
import { whenAborted } from '../../core/abort';
import { analyseInParallel, shareOut, sharesBuffers, type ChannelLane } from '../../core/analysis/parallel';
import type { Analysis } from '../../core/analysis/types';
import { KeptConditioning } from '../../core/analysis/kept-conditioning';
import { WorkspaceKeeper } from '../../core/detect/workspace';
import { ImportCancelled, ImportError } from '../../core/import/errors';
import { importRecording, readLayout } from '../../core/import/index';
import { channelPreview, type ChannelPreview } from '../../core/import/preview';
import { templateFor, withTemplate, type ImportTemplate } from '../../core/import/templates';
import type { ByteSource } from '../../core/import/source';
import type { Recording } from '../../core/recording';
import { anonymise } from '../../core/export/anonymise';
import { writeEdf } from '../../core/export/edf/write';
import { buildReportHtml } from '../../core/report/index';
import { displaySignal, type SignalView } from '../../core/view/display-signal';
import { drawChannel, type ChannelDrawer, type DrawnChannel } from './draw-channel';
import { buildPyramid, type Pyramid } from '../../core/view/pyramid';
import type { AnalyseSettings, EdfRequest, ImportSettings, LoadedRecording, ReportRequest } from './protocol';

/** Progress of reading a file: its bytes, then the drawn signals of its channels. */
export type ImportProgress = (stage: 'import' | 'display', fraction: number) => void;

/** What reading a file takes: the bytes, the user's import settings, progress, cancellation and the templates. */
type ReadRequest = [source: ByteSource, settings: ImportSettings, onProgress: ImportProgress, signal: { readonly aborted: boolean }, templates?: readonly ImportTemplate[]];

/**
 * Import and analysis, the same code in the worker and in-thread (tests): it keeps the recording so a
 * new sensitivity re-analyses without reading the file again, and the EMG channels' conditioned signals so
 * it only re-thresholds. Given lanes (a Web Worker per core), it spreads the channels' detection over them,
 * with the same result bit for bit.
 */
export class Engine {
  private recording: Recording | null = null;
  private readonly kept = new KeptConditioning();
  private readonly workspaces = new WorkspaceKeeper();

  /** The job running now: jobs take turns, so one asked for after a Cancel starts once the cancelled one stopped. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly lanes: () => ChannelLane[] = () => [],
    private readonly drawers: () => ChannelDrawer[] = () => [],
  ) {}

  importFile(...request: ReadRequest): Promise<LoadedRecording> {
    return this.inTurn(() => this.read(...request));
  }

  analyse(settings: AnalyseSettings, onProgress: (f: number) => void, signal: { readonly aborted: boolean }): Promise<Analysis> {
    return this.inTurn(() => this.analyseNow(settings, onProgress, signal));
  }

  reportHtml(input: ReportRequest): Promise<string> {
    return this.inTurn(async () => this.report(input));
  }

  edf(input: EdfRequest): Promise<{ bytes: Uint8Array; family: 'edf' | 'bdf' }> {
    return this.inTurn(async () => this.edfNow(input));
  }

  /**
   * One channel's display pyramid of the asked signal. The raw view is built only for a channel someone
   * switches to it, rather than a second pyramid for every channel at import. It waits its turn: during an
   * analysis the samples may be lent to a channel worker.
   */
  pyramid(channelId: string, view: SignalView): Promise<Pyramid> {
    return this.inTurn(async () => this.pyramidNow(channelId, view));
  }

  /** The same pyramid made ready to post, its buffers added to `transfer` (see `pyramidForTransfer`). */
  pyramidToPost(channelId: string, view: SignalView, transfer: ArrayBuffer[]): Promise<Pyramid> {
    return this.inTurn(async () => pyramidForTransfer(this.pyramidNow(channelId, view), this.channel(channelId).data, transfer));
  }

  get hasRecording(): boolean {
    return this.recording !== null;
  }

  private channel(channelId: string): Recording['channels'][number] {
    const ch = this.recording?.channels.find((c) => c.id === channelId);
    if (!ch) throw new Error(`The loaded recording has no channel "${channelId}".`);
    return ch;
  }

  private pyramidNow(channelId: string, view: SignalView): Pyramid {
    const ch = this.channel(channelId);
    return buildPyramid(view === 'raw' ? ch.data : displaySignal(ch).data, ch.sampleRateHz, ch.startS);
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const run = this.turn.then(work);
    this.turn = run.catch(() => undefined);
    return run;
  }

  private async read(...[source, settings, onProgress, signal, templates]: ReadRequest): Promise<LoadedRecording> {
    this.recording = null;
    this.kept.clear();
    const { rec, template, used } = await readWithTemplate(source, settings, (f) => onProgress('import', f), signal, templates);
    const drawn = await this.drawAll(rec, onProgress, signal);
    const pyramids: Record<string, Pyramid> = {};
    const display: Record<string, string | null> = {};
    const previews: Record<string, ChannelPreview> = {};
    for (const ch of rec.channels) {
      pyramids[ch.id] = drawn.get(ch.id)!.pyramid;
      display[ch.id] = drawn.get(ch.id)!.description;
      previews[ch.id] = drawn.get(ch.id)!.preview;
    }
    this.recording = rec;
    return { recording: rec, pyramids, display, previews, settings: used, template: template ? { id: template.id, name: template.name, sites: template.sites ?? {} } : null };
  }

  /**
   * Every channel's drawn signal and pyramid: a stage of its own, reported channel by channel (an EMG
   * channel, filtered, weighs far more than another), on the channel workers when there are any, else here
   * with a pause between channels for a Cancel to come in.
   */
  private async drawAll(rec: Recording, onProgress: ImportProgress, signal: { readonly aborted: boolean }): Promise<Map<string, DrawnChannel & { preview: ChannelPreview }>> {
    const weight = (ch: Recording['channels'][number]) => ch.data.length * (ch.kind === 'emg' ? 8 : 1);
    const total = rec.channels.reduce((s, ch) => s + weight(ch), 0) || 1;
    const out = new Map<string, DrawnChannel & { preview: ChannelPreview }>();
    let done = 0;
    const partial = new Map<Recording['channels'][number], number>();
    const report = (): void => {
      let f = done;
      for (const [ch, p] of partial) f += p * weight(ch);
      onProgress('display', f / total);
    };
    const part = (ch: Recording['channels'][number]) => (f: number) => {
      partial.set(ch, f);
      report();
    };
    // The import check's preview of a channel (several passes over its samples) is made here too, as each
    // channel comes back, so the bar moves while it is made rather than standing at 100 %.
    const drawnOne = (ch: Recording['channels'][number], d: DrawnChannel): void => {
      out.set(ch.id, { ...d, preview: channelPreview(ch) });
      partial.delete(ch);
      done += weight(ch);
      report();
    };
    onProgress('display', 0);
    const drawers = sharesBuffers(rec) ? [] : this.drawers();
    if (drawers.length === 0) {
      for (const ch of rec.channels) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (signal.aborted) throw new ImportCancelled();
        drawnOne(ch, drawChannel(ch, part(ch)));
      }
      return out;
    }
    const stopWatching = whenAborted(signal, () => drawers.forEach((d) => d.abort()));
    try {
      const shares = shareOut(rec.channels, drawers.length, weight);
      await Promise.all(
        shares.flatMap((share, k) =>
          share.map(async (ch) => {
            const d = await drawers[k].draw(ch, part(ch));
            ch.data = d.samples;
            if (!('cancelled' in d)) drawnOne(ch, d);
          }),
        ),
      );
    } finally {
      stopWatching();
    }
    if (signal.aborted) throw new ImportCancelled();
    return out;
  }

  private async analyseNow(settings: AnalyseSettings, onProgress: (f: number) => void, signal: { readonly aborted: boolean }): Promise<Analysis> {
    const rec = this.recording;
    if (!rec) throw new Error('No recording is loaded.');
    const opts = { sites: settings.sites, params: settings.params, onProgress, signal, kept: this.kept };
    const lanes = this.lanes();
    if (lanes.length > 0) {
      try {
        return await analyseInParallel(rec, opts, lanes);
      } catch (e) {
        // A lane whose thread died kept the samples it was lent: the file must be read again.
        if (rec.channels.some((c) => c.data.buffer.byteLength === 0)) {
          this.recording = null;
          this.kept.clear();
        }
        throw e;
      }
    }
    const workspace = this.workspaces.take();
    const analysis = analyseRecording(rec, { ...opts, workspace });
    this.workspaces.keep(workspace);
    return analysis;
  }

  private report(input: ReportRequest): string {
    if (!this.recording) throw new Error('No recording is loaded.');
    const { recordedAt, anonymise: anon, ...rest } = input;
    const recording = this.dated(recordedAt);
    if (!anon) return buildReportHtml({ ...rest, recording });
    // A name typed by the user is exactly what an anonymised report must not carry.
    const a = anonymise(recording, rest.analysis, anon);
    const { subject: _name, ...unnamed } = rest;
    return buildReportHtml({ ...unnamed, analysis: a.analysis, recording: a.recording, generatedAt: a.shiftIso(rest.generatedAt) });
  }

  private edfNow(input: EdfRequest): { bytes: Uint8Array; family: 'edf' | 'bdf' } {
    const recording = this.dated(input.recordedAt);
    const a = input.anonymise ? anonymise(recording, input.analysis, input.anonymise) : { recording, analysis: input.analysis };
    const out = writeEdf(a.recording, a.analysis, { signals: input.signals, software: input.software });
    return { bytes: out.bytes, family: out.family };
  }

  /** The loaded recording, with the date the user gave when its file states none. */
  private dated(recordedAt: string | undefined): Recording {
    if (!this.recording) throw new Error('No recording is loaded.');
    return this.recording.startTime || !recordedAt ? this.recording : { ...this.recording, startTime: recordedAt };
  }
}

/**
 * Reads the file with the template for its layout, if one is given. A template must never keep a file from
 * opening: when it does not fit, the file is read as detected and a warning says why the template was not used.
 */
async function readWithTemplate(
  source: ByteSource,
  settings: ImportSettings,
  onProgress: (f: number) => void,
  signal: { readonly aborted: boolean },
  templates?: readonly ImportTemplate[],
): Promise<{ rec: Recording; template: ImportTemplate | null; used: ImportSettings }> {
  const template = templates && templates.length > 0 ? await templateForSource(source, templates) : null;
  if (!template) return { rec: await importRecording(source, { ...settings, onProgress, signal }), template: null, used: settings };
  const used = withTemplate(template, settings);
  try {
    return { rec: await importRecording(source, { ...used, onProgress, signal }), template, used };
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
    const rec = await importRecording(source, { ...settings, onProgress, signal });
    rec.warnings.unshift({ message: `your template "${template.name}" did not fit this file (${err.problem}), so it was read as detected` });
    return { rec, template: null, used: settings };
  }
}

async function templateForSource(source: ByteSource, templates: readonly ImportTemplate[]): Promise<ImportTemplate | null> {
  const layout = await readLayout(source);
  return layout ? templateFor(templates, layout.signature) : null;
}

/** The text a person sees for a failure: import errors are already written for them. */
export function failureMessage(err: unknown): string {
  if (err instanceof ImportError) return err.message;
  if (err instanceof Error && err.name === 'ImportError') return err.message;
  const detail = err instanceof Error ? err.message : String(err);
  return `Something went wrong while reading the recording: ${detail}`;
}

/**
 * What the UI thread gets, listed for transfer: the drawn signals and their pyramids, and the recording's
 * description without its samples (the worker keeps those for re-analysis and the report).
 */
export function forTransfer(loaded: LoadedRecording): { loaded: LoadedRecording; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const pyramids: Record<string, Pyramid> = {};
  for (const ch of loaded.recording.channels) pyramids[ch.id] = pyramidForTransfer(loaded.pyramids[ch.id], ch.data, transfer);
  const channels = loaded.recording.channels.map((ch) => ({ ...ch, data: new Float32Array(0) }));
  return { loaded: { ...loaded, recording: { ...loaded.recording, channels }, pyramids }, transfer };
}

/**
 * A pyramid made ready to post, its buffers added to `transfer`. A signal built for display is the worker's
 * to give away; the recorded samples (`own`) are kept for analysis, so they are sent as they are when in
 * shared memory, and copied otherwise.
 */
export function pyramidForTransfer(p: Pyramid, own: Float32Array, transfer: ArrayBuffer[]): Pyramid {
  for (const l of p.levels) transfer.push(l.min.buffer as ArrayBuffer, l.max.buffer as ArrayBuffer);
  if (p.data !== own) {
    transfer.push(p.data.buffer as ArrayBuffer);
    return p;
  }
  if (typeof SharedArrayBuffer === 'function' && own.buffer instanceof SharedArrayBuffer) return p;
  const data = own.slice();
  transfer.push(data.buffer as ArrayBuffer);
  return { ...p, data };
}
