#!/usr/bin/env node
// Runs the TypeScript command line directly (no build step): tsx compiles it on the fly, as CommonJS
// like the rest of the package.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('tsx/cjs/api').register();
const { main } = require('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
