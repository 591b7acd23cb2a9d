// The command line built to one JavaScript file and cached, so each run starts about as fast as Node itself
// rather than compiling the TypeScript again (issue 18). The file's first line lists the sources it was
// built from with their modification times and sizes; a run that finds any of them changed builds again.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MARK = '//# twitchscope-build ';
/** Bumped when the build's settings change, so older cached files are rebuilt. */
const BUILD_FORMAT = 3;

export const DEFAULT_CACHE = path.join(ROOT, 'node_modules/.cache/twitchscope/cli.cjs');

/** The first line of a built file: what it was built from (null when unreadable, so it is built again). */
function readManifest(file) {
  let fd;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const buf = Buffer.alloc(1 << 18);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    const end = buf.subarray(0, n).indexOf(10);
    const line = buf.toString('utf8', 0, end);
    return end > 0 && line.startsWith(MARK) ? JSON.parse(line.slice(MARK.length)) : null;
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The worker threads' own build beside `file`: only what they run (import and detection), about 60 % of
 * the command line, so each thread compiles and keeps less. The same name is made in cli/worker-thread.ts.
 */
export function workersFile(file) {
  return file.replace(/\.cjs$/, '') + '.workers.cjs';
}

/**
 * The small build run before the command line loads (cli/early-batch.ts: a batch's worker threads started
 * at once), beside `file`.
 */
export function earlyFile(file) {
  return file.replace(/\.cjs$/, '') + '.early.cjs';
}

/** True when `file` and the builds beside it were built together, in this format, from sources all unchanged since. */
export function isFresh(file) {
  const m = readManifest(file);
  if (!m || m.format !== BUILD_FORMAT || m.root !== ROOT) return false;
  for (const other of [workersFile(file), earlyFile(file)]) if (JSON.stringify(readManifest(other)) !== JSON.stringify(m)) return false;
  for (const [rel, mtimeMs, size] of m.inputs) {
    const st = fs.statSync(path.resolve(ROOT, rel), { throwIfNoEntry: false });
    if (!st || st.mtimeMs !== mtimeMs || st.size !== size) return false;
  }
  return true;
}

/**
 * Bundles cli/main.ts (and everything it imports) into `file`, cli/workers.ts into `workersFile(file)` and
 * cli/early-batch.ts into `earlyFile(file)`, each replacing any older build in one rename, `file` last: a
 * run that finds `file` fresh finds the other two built from the same sources.
 */
export function build(file) {
  const require = createRequire(path.join(ROOT, 'package.json'));
  const esbuild = require('esbuild');
  const result = esbuild.buildSync({
    absWorkingDir: ROOT,
    entryPoints: { main: 'cli/main.ts', workers: 'cli/workers.ts', early: 'cli/early-batch.ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
    outdir: path.dirname(file),
  });
  const inputs = Object.keys(result.metafile.inputs).map((rel) => {
    const st = fs.statSync(path.resolve(ROOT, rel));
    return [rel, st.mtimeMs, st.size];
  });
  const manifest = JSON.stringify({ format: BUILD_FORMAT, root: ROOT, esbuild: esbuild.version, inputs });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const text = (name) => result.outputFiles.find((o) => path.basename(o.path) === `${name}.js`).text;
  for (const [out, name] of [[workersFile(file), 'workers'], [earlyFile(file), 'early'], [file, 'main']]) {
    const tmp = `${out}.${process.pid}.${Date.now()}.tmp`;
    fs.writeFileSync(tmp, `${MARK}${manifest}\n${text(name)}`);
    fs.renameSync(tmp, out);
  }
}

/** The built command line, building it first when needed; null when it cannot be built here. */
export function builtCli(file = process.env.TWITCHSCOPE_CLI_CACHE || DEFAULT_CACHE) {
  if (isFresh(file)) return file;
  try {
    build(file);
    return file;
  } catch (e) {
    if (process.env.TWITCHSCOPE_DEBUG) process.stderr.write(`twitchscope: running from TypeScript (no build: ${e.message})\n`);
    return null;
  }
}
