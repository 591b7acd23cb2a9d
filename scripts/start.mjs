#!/usr/bin/env node
// Runs the desktop app from a checkout: `npm start [-- recording.csv]`, or `npm run dev [-- recording.csv]` for
// the live-reloading development build. Without a file it opens the default bundled sample.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const electronPackage = join(root, 'node_modules', 'electron');
const electronVite = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');

function fail(message) {
  console.error(`\nTwitchScope could not start.\n\n${message}\n`);
  process.exit(1);
}

/** The Electron executable, or null while its one-time download has not happened. */
function electronBinary() {
  const pathFile = join(electronPackage, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronPackage, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function ensureElectron() {
  if (!existsSync(join(electronPackage, 'package.json'))) {
    fail('The Electron package is missing. Run `npm install` first.');
  }
  const present = electronBinary();
  if (present) return present;
  // npm installs run with ignore-scripts (see .npmrc), so Electron's own download step is run here, once.
  console.log('Downloading the Electron runtime (about 100 MB, needed once)…');
  const install = spawnSync(process.execPath, [join(electronPackage, 'install.js')], {
    cwd: electronPackage,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
    timeout: 15 * 60 * 1000,
  });
  const binary = electronBinary();
  if (binary) return binary;
  const firstLine = (install.stderr || '').split('\n').find((line) => line.trim() !== '') ?? '';
  return fail(
    'The Electron runtime is not installed and could not be downloaded.\n' +
      (firstLine ? `The download said: ${firstLine.trim()}\n` : '') +
      '\nIt is fetched from GitHub the first time the desktop app starts, so this needs network access once.\n' +
      'Connect to the internet and run `npm start` again (behind a proxy or mirror, set ELECTRON_MIRROR).\n' +
      'Without it you can still use TwitchScope in a browser: `npm run web`.',
  );
}

/** The sample samples/README.md names as default (a line like "Default sample: `calf-rest-emg.csv`"), else the first. */
function defaultSample() {
  const folder = join(root, 'samples');
  let files = [];
  try {
    files = readdirSync(folder).filter((file) => file.toLowerCase().endsWith('.csv')).sort();
  } catch {
    return null;
  }
  let readme = '';
  try {
    readme = readFileSync(join(folder, 'README.md'), 'utf8');
  } catch {
    readme = '';
  }
  const marked = /default[^\n`]*`([^`\n]+\.csv)`/i.exec(readme)?.[1];
  const chosen = marked && files.includes(marked) ? marked : files[0];
  return chosen ? join(folder, chosen) : null;
}

function recordingArgument(args) {
  const given = args.find((arg) => !arg.startsWith('-'));
  if (given === undefined) return defaultSample();
  const path = resolve(process.cwd(), given);
  if (!existsSync(path) || !statSync(path).isFile()) fail(`There is no file at ${path}.`);
  return path;
}

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => fail(`Could not run ${command}: ${error.message}`));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const args = process.argv.slice(2);
const dev = args.includes('--dev');
const recording = recordingArgument(args.filter((arg) => arg !== '--dev'));
const electron = ensureElectron();
const fileArgs = recording ? [recording] : [];

if (dev) {
  // electron-vite serves the renderer with live reload and starts Electron itself, passing what follows `--`.
  run(process.execPath, [electronVite, 'dev', '--', ...fileArgs]);
} else {
  const build = spawnSync(process.execPath, [electronVite, 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) fail('Building the app failed; the messages above say why.');
  run(electron, [root, ...fileArgs]);
}
