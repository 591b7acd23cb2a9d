import { isAbsolute, resolve } from 'node:path';

/**
 * Recording paths in a command line: what `twitchscope file.csv`, "Open with" on Windows and Linux, and a
 * second launch while the app runs all pass. Skips the executable (and the app folder when run as
 * `electron <app>`), and every switch, including those Chromium adds itself.
 */
export function fileArguments(argv: readonly string[], options: { unpackaged: boolean; cwd: string }): string[] {
  const skip = options.unpackaged ? 2 : 1;
  const out: string[] = [];
  let switchesOver = false;
  for (const arg of argv.slice(skip)) {
    if (!switchesOver && arg === '--') {
      switchesOver = true;
      continue;
    }
    if (arg === '' || (!switchesOver && arg.startsWith('-'))) continue;
    out.push(isAbsolute(arg) ? arg : resolve(options.cwd, arg));
  }
  return out;
}
