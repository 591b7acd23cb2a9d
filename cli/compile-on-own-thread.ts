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

/**
 * Functions get their feedback vector on their first call instead of after a budget of calls (every isolate
 * of the process, this one included). Each thread of a batch warms up on its first file, and the analysis
 * calls many of its kernels only a few times per file, each with one long loop, so with lazy allocation
 * their first calls ran without collecting type feedback. Measured on the bench's 20-file CLI batch (CPU
 * of the whole process, in turn, load 7-9): 2 threads 3.66 -> 3.58 s (11 pairs, 10 lower), 1 thread
 * 3.29 -> 3.21 s (5 pairs, 4 lower). It is set for every batch, whatever its thread count, so the
 * speed-up with threads is not flattered by a setting only the threaded run gets. Results do not change
 * (when code is optimised changes, not the floating-point operations it runs; the batch's JSON is
 * byte-identical).
 */
export function feedbackOnFirstCall(): void {
  v8.setFlagsFromString('--no-lazy-feedback-allocation');
}
