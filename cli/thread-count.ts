import { availableParallelism } from 'node:os';

/**
 * How many threads the command line may use: one per core, or TWITCHSCOPE_THREADS (the benchmarks compare
 * counts; 1 keeps everything on the main thread).
 */
export function threadCount(): number {
  const asked = Number(process.env.TWITCHSCOPE_THREADS);
  return Number.isInteger(asked) && asked >= 1 ? asked : availableParallelism();
}
