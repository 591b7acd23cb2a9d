import v8 from 'node:v8';

/**
 * Threads started from now on compile their optimised code on their own thread, not on V8's background
 * threads. For a batch with a thread per core: every core then runs JavaScript, so the background compiles
 * only take turns with it, while the code waiting for them runs unoptimised (boxing every number it makes).
 * The setting reaches isolates created after it; the calling thread's own isolate keeps compiling aside.
 */
export function compileOnOwnThread(): void {
  v8.setFlagsFromString('--no-concurrent-recompilation');
}
