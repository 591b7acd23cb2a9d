/**
 * Once per run: builds and serves the web app (`scripts/web.mjs`), and makes the shared browser profile and
 * the folder the scenarios write their files to. Workers find all three in the environment.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './helpers.mjs';

function startServer() {
  // E2E_NO_BUILD=1 serves the web build already in dist-web/, while working on the scenarios.
  const build = process.env.E2E_NO_BUILD ? ['--no-build'] : [];
  return new Promise((resolveUrl, reject) => {
    const child = spawn(process.execPath, [join(root, 'scripts/web.mjs'), '--port', '0', '--quiet', ...build], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = (d) => {
      out += d.toString();
      const m = /http:\/\/localhost:(\d+)\//.exec(out);
      if (m) resolveUrl({ url: m[0], child });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('exit', (code) => reject(new Error(`web server exited (${code}) before it printed its address:\n${out}`)));
  });
}

export default async function globalSetup() {
  const { url, child } = await startServer();
  const profile = await mkdtemp(join(tmpdir(), 'twitchscope-e2e-'));
  const work = await mkdtemp(join(tmpdir(), 'twitchscope-e2e-files-'));
  process.env.E2E_URL = url;
  process.env.E2E_PROFILE = profile;
  process.env.E2E_WORK = work;
  return async () => {
    child.kill();
    await rm(profile, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
  };
}
