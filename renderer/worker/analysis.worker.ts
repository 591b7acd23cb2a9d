/// <reference lib="webworker" />
import type { ByteSource } from '../../core/import/source';
import { Engine, failureMessage, forTransfer, pyramidForTransfer } from './engine';
import type { WorkerRequest, WorkerResponse } from './protocol';

/** The analysis worker: imports, builds pyramids and analyses off the UI thread. Cancel = terminate. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const engine = new Engine();
const pendingReads = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }>();
let nextRead = 1;
const never = { aborted: false };

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

scope.onmessage = async (ev: MessageEvent<WorkerRequest>) => {
  const msg = ev.data;
  if (msg.type === 'read-result') {
    const p = pendingReads.get(msg.readId);
    pendingReads.delete(msg.readId);
    if (msg.bytes) p?.resolve(msg.bytes);
    else p?.reject(new Error(msg.error ?? 'The file could not be read.'));
    return;
  }
  const { id } = msg;
  try {
    if (msg.type === 'import') {
      const loaded = await engine.importFile(
        remoteSource(msg.name, msg.size),
        msg.settings,
        (fraction) => post({ type: 'progress', id, stage: 'import', fraction }),
        never,
      );
      const out = forTransfer(loaded);
      post({ type: 'imported', id, loaded: out.loaded }, out.transfer);
    } else if (msg.type === 'analyse') {
      const analysis = engine.analyse(msg.settings, (fraction) => post({ type: 'progress', id, stage: 'analyse', fraction }), never);
      post({ type: 'analysed', id, analysis });
    } else if (msg.type === 'pyramid') {
      const transfer: ArrayBuffer[] = [];
      const pyramid = pyramidForTransfer(engine.pyramid(msg.channel, msg.view), engine.samplesOf(msg.channel) ?? new Float32Array(0), transfer);
      post({ type: 'pyramid', id, pyramid }, transfer);
    } else if (msg.type === 'edf') {
      const out = engine.edf(msg.input);
      post({ type: 'edf', id, bytes: out.bytes, family: out.family }, [out.bytes.buffer as ArrayBuffer]);
    } else {
      post({ type: 'report', id, html: engine.reportHtml(msg.input) });
    }
  } catch (err) {
    post({ type: 'failed', id, message: failureMessage(err) });
  }
};
