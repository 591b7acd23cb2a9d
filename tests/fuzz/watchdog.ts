// A case that never returns (a regular expression backtracking for hours, a loop that never ends) holds the
// run's only thread, so nothing on that thread can notice, and the run would just go quiet. A worker thread
// watches the process's CPU time instead and, past the limit, names the case and ends the run.
import { Worker } from 'node:worker_threads';

const WATCHER = `
const { parentPort, workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
let current = null;
parentPort.on('message', (m) => { current = m === null ? null : { what: m, since: cpuMs() }; });
setInterval(() => {
  if (current === null || cpuMs() - current.since < workerData.limitMs) return;
  writeSync(2, '\\nhang: ' + current.what + ' ran over ' + workerData.limitMs / 1000 + ' s of CPU time; ' + workerData.replay + '\\n');
  process.kill(process.pid, 'SIGKILL');
}, 500);
`;

export class Watchdog {
  private readonly worker: Worker;

  /** `replay` is printed with the case, so the hang can be run again. */
  constructor(limitMs: number, replay: string) {
    this.worker = new Worker(WATCHER, { eval: true, workerData: { limitMs, replay } });
    this.worker.unref();
  }

  /** Call before each case, with what names it; `null` when the run is done. */
  watch(what: string | null): void {
    this.worker.postMessage(what);
  }
}
