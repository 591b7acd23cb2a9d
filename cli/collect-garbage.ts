import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * A full garbage collection now. V8 frees the memory behind large typed arrays only when it collects their
 * wrappers, which it may not do for a long while when the thread allocates little on its own heap; a thread
 * that has just let go of a recording's worth of arrays calls this before it takes on more.
 */
export function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}
