/** A cancel flag as the app and the command line pass it: set once, never cleared. */
export interface AbortFlag {
  readonly aborted: boolean;
}

/** How often work spread over threads looks at its flag, to stop the threads at their next checkpoint. */
const POLL_MS = 50;

/** Calls `onAbort` once `flag` is set, looking every 50 ms; returns the function that stops looking. */
export function whenAborted(flag: AbortFlag | undefined, onAbort: () => void): () => void {
  if (!flag) return () => undefined;
  const timer = setInterval(() => {
    if (!flag.aborted) return;
    clearInterval(timer);
    onAbort();
  }, POLL_MS);
  return () => clearInterval(timer);
}
