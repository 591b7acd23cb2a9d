import type { Analysis } from '../../core/analysis/types';
import type { ImportTemplate } from '../../core/import/templates';
import type { OpenedFile } from '../../core/platform/api';
import type { SignalView } from '../../core/view/display-signal';
import type { Pyramid } from '../../core/view/pyramid';
import { ImportError } from '../../core/import/errors';
import { Engine, failureMessage } from './engine';
import type { AnalyseSettings, EdfRequest, ImportSettings, LoadedRecording, ReportRequest, Stage, WorkerRequest, WorkerResponse } from './protocol';

/** What the UI asks of the analysis side; the worker and the in-thread version behave the same. */
export interface AnalysisClient {
  /** `templates`: on a fresh open, the user's templates; the one for the file's layout is applied. */
  importFile(file: OpenedFile, settings: ImportSettings, onProgress: ProgressFn, templates?: ImportTemplate[]): Promise<LoadedRecording>;
  analyse(settings: AnalyseSettings, onProgress: ProgressFn): Promise<Analysis>;
  /** The clinician report's HTML for the loaded recording. */
  reportHtml(input: ReportRequest): Promise<string>;
  /** The loaded recording and the analysis's events as EDF+ (BDF+ for 24-bit sources). */
  edf(input: EdfRequest): Promise<{ bytes: Uint8Array; family: 'edf' | 'bdf' }>;
  /** One channel's display pyramid of the given signal (the raw view, asked for when a user switches to it). */
  pyramid(channelId: string, view: SignalView): Promise<Pyramid>;
  /** Stops the running job; its promise rejects with `Cancelled`. */
  cancel(): void;
  dispose(): void;
}

export type ProgressFn = (stage: Stage, fraction: number) => void;

export class Cancelled extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'Cancelled';
  }
}

interface Job {
  resolve: (v: never) => void;
  reject: (e: Error) => void;
  onProgress: ProgressFn;
  /** A display request runs alongside the main job instead of replacing it. */
  alongside: boolean;
}

/**
 * Runs the engine in a module worker. Cancel answers at once and tells the worker, which stops the job at
 * its next checkpoint and keeps the recording: the next Analyse reads nothing again. The worker is only
 * replaced when it died; then the next job reads the file again. A new main job (import, analysis, report,
 * export) replaces a running one; display requests queue behind it instead.
 */
export class WorkerClient implements AnalysisClient {
  private worker: Worker | null = null;
  private jobs = new Map<number, Job>();
  private nextId = 1;
  private file: OpenedFile | null = null;
  private settings: ImportSettings = {};
  private imported = false;

  importFile(file: OpenedFile, settings: ImportSettings, onProgress: ProgressFn, templates?: ImportTemplate[]): Promise<LoadedRecording> {
    this.file = file;
    this.settings = settings;
    return this.runImport(onProgress, templates);
  }

  async analyse(settings: AnalyseSettings, onProgress: ProgressFn): Promise<Analysis> {
    await this.ensureImported(onProgress);
    return this.run<Analysis>({ type: 'analyse', id: 0, settings }, onProgress);
  }

  async reportHtml(input: ReportRequest): Promise<string> {
    await this.ensureImported(() => undefined);
    return this.run<string>({ type: 'report', id: 0, input }, () => undefined);
  }

  async edf(input: EdfRequest): Promise<{ bytes: Uint8Array; family: 'edf' | 'bdf' }> {
    await this.ensureImported(() => undefined);
    return this.run({ type: 'edf', id: 0, input }, () => undefined);
  }

  async pyramid(channelId: string, view: SignalView): Promise<Pyramid> {
    await this.ensureImported(() => undefined);
    return this.run({ type: 'pyramid', id: 0, channel: channelId, view }, () => undefined, true);
  }

  /** After a cancelled import, or a worker that died, read the file again before working on it. */
  private async ensureImported(onProgress: ProgressFn): Promise<void> {
    if (this.imported) return;
    if (!this.file) throw new Error('No recording is open.');
    await this.runImport(onProgress);
  }

  private runImport(onProgress: ProgressFn, templates?: ImportTemplate[]): Promise<LoadedRecording> {
    const file = this.file!;
    this.imported = false;
    return this.run<LoadedRecording>({ type: 'import', id: 0, name: file.name, size: file.size, settings: this.settings, ...(templates ? { templates } : {}) }, onProgress).then((loaded) => {
      // A template's settings are the file's settings from now on (a re-import after Cancel uses them).
      this.settings = loaded.settings;
      this.imported = true;
      return loaded;
    });
  }

  cancel(): void {
    const jobs = [...this.jobs];
    this.jobs.clear();
    for (const [id, job] of jobs) {
      this.worker?.postMessage({ type: 'cancel', id } satisfies WorkerRequest);
      job.reject(new Cancelled());
    }
  }

  dispose(): void {
    this.cancel();
    this.worker?.terminate();
    this.worker = null;
    this.imported = false;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'twitchscope-analysis' });
    w.onmessage = (ev: MessageEvent<WorkerResponse>) => this.onMessage(w, ev.data);
    w.onerror = (ev) => {
      ev.preventDefault();
      const jobs = [...this.jobs.values()];
      this.jobs.clear();
      this.worker = null;
      this.imported = false;
      w.terminate();
      for (const job of jobs) job.reject(new Error(ev.message || 'The analysis stopped unexpectedly.'));
    };
    this.worker = w;
    return w;
  }

  private run<T>(req: WorkerRequest & { id: number }, onProgress: ProgressFn, alongside = false): Promise<T> {
    if (!alongside && [...this.jobs.values()].some((j) => !j.alongside)) this.cancel();
    const id = this.nextId++;
    const w = this.ensureWorker();
    return new Promise<T>((resolve, reject) => {
      this.jobs.set(id, { resolve: resolve as (v: never) => void, reject, onProgress, alongside });
      w.postMessage({ ...req, id });
    });
  }

  private onMessage(w: Worker, msg: WorkerResponse): void {
    if (msg.type === 'read') {
      void this.serveRead(w, msg.readId, msg.offset, msg.length);
      return;
    }
    // Also for a cancelled job's answer: a thread that died may have taken the samples with it.
    if (msg.type === 'failed' && !msg.loaded) this.imported = false;
    const job = this.jobs.get(msg.id);
    if (!job) return;
    if (msg.type === 'progress') {
      job.onProgress(msg.stage, msg.fraction);
      return;
    }
    this.jobs.delete(msg.id);
    if (msg.type === 'imported') job.resolve(msg.loaded as never);
    else if (msg.type === 'analysed') job.resolve(msg.analysis as never);
    else if (msg.type === 'report') job.resolve(msg.html as never);
    else if (msg.type === 'edf') job.resolve({ bytes: msg.bytes, family: msg.family } as never);
    else if (msg.type === 'pyramid') job.resolve(msg.pyramid as never);
    else job.reject(Object.assign(new Error(msg.message), msg.remedy ? { remedy: msg.remedy } : {}));
  }

  private async serveRead(w: Worker, readId: number, offset: number, length: number): Promise<void> {
    try {
      if (!this.file) throw new Error('No recording is open.');
      const got = await this.file.read(offset, length);
      // Transfer needs the bytes to own their buffer; a view into a larger one is copied first.
      const bytes = got.byteOffset === 0 && got.byteLength === got.buffer.byteLength ? got : got.slice();
      w.postMessage({ type: 'read-result', readId, bytes } satisfies WorkerRequest, [bytes.buffer as ArrayBuffer]);
    } catch (err) {
      w.postMessage({ type: 'read-result', readId, bytes: null, error: err instanceof Error ? err.message : String(err) } satisfies WorkerRequest);
    }
  }
}

/** The same engine on the calling thread, for tests and for hosts without workers. */
export class InThreadClient implements AnalysisClient {
  constructor(private readonly engine = new Engine()) {}
  private abort: { aborted: boolean; reject?: (e: Error) => void } = { aborted: false };

  async importFile(file: OpenedFile, settings: ImportSettings, onProgress: ProgressFn, templates?: ImportTemplate[]): Promise<LoadedRecording> {
    return this.guard((signal) => this.engine.importFile({ name: file.name, size: file.size, read: file.read }, settings, onProgress, signal, templates));
  }

  async analyse(settings: AnalyseSettings, onProgress: ProgressFn): Promise<Analysis> {
    return this.guard(async (signal) => this.engine.analyse(settings, (f) => onProgress('analyse', f), signal));
  }

  async reportHtml(input: ReportRequest): Promise<string> {
    return this.engine.reportHtml(input);
  }

  async edf(input: EdfRequest): Promise<{ bytes: Uint8Array; family: 'edf' | 'bdf' }> {
    return this.engine.edf(input);
  }

  async pyramid(channelId: string, view: SignalView): Promise<Pyramid> {
    return this.engine.pyramid(channelId, view);
  }

  cancel(): void {
    this.abort.aborted = true;
    this.abort.reject?.(new Cancelled());
  }

  dispose(): void {
    this.cancel();
  }

  private guard<T>(work: (signal: { readonly aborted: boolean }) => Promise<T>): Promise<T> {
    this.cancel();
    const abort: { aborted: boolean; reject?: (e: Error) => void } = { aborted: false };
    this.abort = abort;
    return new Promise<T>((resolve, reject) => {
      abort.reject = reject;
      work(abort).then(resolve, (err) =>
        reject(abort.aborted ? new Cancelled() : Object.assign(new Error(failureMessage(err)), err instanceof ImportError && err.remedy ? { remedy: err.remedy } : {})),
      );
    });
  }
}
