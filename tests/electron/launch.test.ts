import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileArguments } from '../../electron/files/launch-args';
import { tempDir } from './helpers';

describe('file arguments on the command line', () => {
  it('skips the executable, switches and Chromium flags, and resolves relative paths', () => {
    expect(
      fileArguments(['/opt/TwitchScope/twitchscope', '--no-sandbox', 'calf.csv', '/abs/hand.csv'], { unpackaged: false, cwd: '/home/me' }),
    ).toEqual(['/home/me/calf.csv', '/abs/hand.csv']);
  });
  it('also skips the app folder when run as `electron <app>`', () => {
    expect(fileArguments(['electron', '.', '--inspect=9229', 'rec.csv'], { unpackaged: true, cwd: '/w' })).toEqual(['/w/rec.csv']);
    expect(fileArguments(['electron', '.'], { unpackaged: true, cwd: '/w' })).toEqual([]);
  });
  it('takes a name starting with a dash after `--`', () => {
    expect(fileArguments(['app', '--', '-odd.csv'], { unpackaged: false, cwd: '/w' })).toEqual(['/w/-odd.csv']);
  });
});

const START = join(__dirname, '../../scripts/start.mjs');

/**
 * `scripts/start.mjs` run from a copy inside a fake checkout, so the Electron package, its download step and
 * electron-vite are stand-ins: nothing is fetched, built or launched for real.
 */
function fakeCheckout(opts: { download: 'fails' | 'succeeds'; samples: string[]; readme?: string }) {
  const root = tempDir('twitchscope-checkout-');
  mkdirSync(join(root, 'scripts'));
  copyFileSync(START, join(root, 'scripts', 'start.mjs'));
  const electron = join(root, 'node_modules', 'electron');
  mkdirSync(electron, { recursive: true });
  writeFileSync(join(electron, 'package.json'), '{"name":"electron","version":"0.0.0"}');
  const binary = '#!/bin/sh\necho "LAUNCHED $@"\n';
  writeFileSync(
    join(electron, 'install.js'),
    opts.download === 'fails'
      ? "console.error('RequestError: getaddrinfo ENOTFOUND github.com'); process.exit(1);"
      : `const fs = require('fs'); fs.mkdirSync(__dirname + '/dist'); fs.writeFileSync(__dirname + '/dist/electron', ${JSON.stringify(binary)}); fs.chmodSync(__dirname + '/dist/electron', 0o755); fs.writeFileSync(__dirname + '/path.txt', 'electron');`,
  );
  const vite = join(root, 'node_modules', 'electron-vite', 'bin');
  mkdirSync(vite, { recursive: true });
  writeFileSync(join(vite, 'electron-vite.js'), "console.log('BUILT ' + process.argv.slice(2).join(' '));");
  mkdirSync(join(root, 'samples'));
  for (const name of opts.samples) writeFileSync(join(root, 'samples', name), 'time_s,x\n0,1\n');
  if (opts.readme) writeFileSync(join(root, 'samples', 'README.md'), opts.readme);
  return root;
}

function start(root: string, args: string[] = []) {
  return spawnSync(process.execPath, [join(root, 'scripts', 'start.mjs'), ...args], { encoding: 'utf8', cwd: root });
}

describe('npm start', () => {
  it('explains, without a stack trace, that Electron needs network once, and exits non-zero', () => {
    const result = start(fakeCheckout({ download: 'fails', samples: ['a.csv'] }));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('needs network access once');
    expect(result.stderr).toContain('ENOTFOUND github.com');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('downloads Electron when missing, builds, and opens the first sample alphabetically', () => {
    const root = fakeCheckout({ download: 'succeeds', samples: ['b-hand.csv', 'a-calf.csv'] });
    const result = start(root);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('BUILT build');
    expect(result.stdout).toContain(`LAUNCHED ${root} ${join(root, 'samples', 'a-calf.csv')}`);
  });

  it('opens the sample samples/README.md names as default', () => {
    const root = fakeCheckout({
      download: 'succeeds',
      samples: ['a-calf.csv', 'b-hand.csv'],
      readme: '# Samples\n\nDefault sample: `b-hand.csv` (two hands at rest).\n',
    });
    expect(start(root).stdout).toContain(`LAUNCHED ${root} ${join(root, 'samples', 'b-hand.csv')}`);
  });

  it('passes a file given on the command line, and refuses one that does not exist', () => {
    const root = fakeCheckout({ download: 'succeeds', samples: ['a.csv'] });
    const mine = join(root, 'mine.csv');
    writeFileSync(mine, 'time_s,x\n');
    expect(start(root, ['mine.csv']).stdout).toContain(`LAUNCHED ${root} ${mine}`);
    const missing = start(root, ['nope.csv']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('There is no file at');
  });

  it('runs the live-reloading dev server with --dev, passing the file after --', () => {
    const root = fakeCheckout({ download: 'succeeds', samples: ['a.csv'] });
    expect(start(root, ['--dev']).stdout).toContain(`BUILT dev -- ${join(root, 'samples', 'a.csv')}`);
  });
});
