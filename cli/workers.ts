/**
 * What the command line's worker threads run, built apart from the rest (bin/cli-cache.mjs): each module
 * starts its work when the thread was started for it (see `workerDataFor`).
 */
import './batch-worker';
import './recording-worker';
