#!/usr/bin/env node
// Runs the command line from JavaScript built from cli/ on first use and cached (see cli-cache.mjs); where
// it cannot be built, tsx compiles the TypeScript on the fly, as CommonJS like the rest of the package.
import { createRequire } from 'node:module';
import { builtCli, earlyFile } from './cli-cache.mjs';

const require = createRequire(import.meta.url);
const built = builtCli();
// A batch's worker threads start booting now, while this thread loads the command line (cli/early-batch.ts).
if (built) require(earlyFile(built)).startBatchEarly(process.argv.slice(2));
else require('tsx/cjs/api').register();
const { main } = require(built ?? '../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
