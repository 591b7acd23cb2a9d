/// <reference lib="webworker" />
import type { ByteSource } from '../../core/import/source';
import { ImportError } from '../../core/import/errors';
import { WorkerLanes } from './channel-lanes';
import { Engine, failureMessage, forTransfer } from './engine';
import type { WorkerRequest, WorkerResponse } from './protocol';

/**
 * The analysis worker: imports, builds pyramids and analyses off the UI thread. It keeps the recording
 * through Cancel: the channels' detection runs in channel workers (one per core), so this thread is free
 * to hear a cancel message, and the import looks at it between reads.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const lanes = new WorkerLanes(
  () => new Worker(new URL('./channel.worker.ts', import.meta.url), { type: 'module', name: 'twitchscope-channel' }),
  Math.max(1, Math.min(navigator.hardwareConcurrency || 1, 8)),
);
const workers = typeof Worker === 'function';
const engine = new Engine(workers ? () => lanes.get() : undefined, workers ? () => lanes.get() : undefined);
const pendingReads = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }>();
let nextRead = 1;
/** The cancel flag of each job not yet answered, by job id. */
const flags = new Map<number, { aborted: boolean }>();

function post(msg: WorkerResponse, transfer: Transferable[] = []): void {
  scope.postMessage(msg, transfer);
}

function remoteSource(name: string, size: number): ByteSource {
  return {
    name,
    size,
    read: (offset, length) =>
      new Promise((resolve, reject) => {
        const readId = nextRead++;
        pendingReads.set(readId, { resolve, reject });
        post({ type: 'read', readId, offset, length });
      }),
  };
}

async function serve(msg: Exclude<WorkerRequest, { type: 'read-result' | 'cancel' }>, signal: { aborted: boolean }): Promise<void> {
  const { id } = msg;
  if (msg.type === 'import') {
    const progress = (stage: 'import' | 'display', fraction: number) => post({ type: 'progress', id, stage, fraction });
    const out = forTransfer(await engine.importFile(remoteSource(msg.name, msg.size), msg.settings, progress, signal, msg.templates));
    post({ type: 'imported', id, loaded: out.loaded }, out.transfer);
  } else if (msg.type === 'analyse') {
    const analysis = await engine.analyse(msg.settings, (fraction) => post({ type: 'progress', id, stage: 'analyse', fraction }), signal);
    post({ type: 'analysed', id, analysis });
  } else if (msg.type === 'pyramid') {
    const transfer: ArrayBuffer[] = [];
    const pyramid = await engine.pyramidToPost(msg.channel, msg.view, transfer);
    post({ type: 'pyramid', id, pyramid }, transfer);
  } else if (msg.type === 'edf') {
    const out = await engine.edf(msg.input);
    post({ type: 'edf', id, bytes: out.bytes, family: out.family }, [out.bytes.buffer as ArrayBuffer]);
  } else {
    post({ type: 'report', id, html: await engine.reportHtml(msg.input) });
  }
}

scope.onmessage = (ev: MessageEvent<WorkerRequest>) => {
  const msg = ev.data;
  if (msg.type === 'read-result') {
    const p = pendingReads.get(msg.readId);
    pendingReads.delete(msg.readId);
    if (msg.bytes) p?.resolve(msg.bytes);
    else p?.reject(new Error(msg.error ?? 'The file could not be read.'));
    return;
  }
  if (msg.type === 'cancel') {
    const flag = flags.get(msg.id);
    if (flag) flag.aborted = true;
    return;
  }
  const signal = { aborted: false };
  flags.set(msg.id, signal);
  serve(msg, signal)
    .catch((err: unknown) =>
      post({ type: 'failed', id: msg.id, message: failureMessage(err), loaded: engine.hasRecording, ...(err instanceof ImportError && err.remedy ? { remedy: err.remedy } : {}) }),
    )
    .finally(() => flags.delete(msg.id));
};
