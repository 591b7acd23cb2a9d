import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { collectAboutData } from './electron/about/collect';

const root = resolve(__dirname);
const ABOUT_ID = 'virtual:twitchscope-about';

/** Licences of the shipped packages and the bundled samples, read once per build for the About box. */
function aboutData(): Plugin {
  return {
    name: 'twitchscope-about-data',
    resolveId: (id) => (id === ABOUT_ID ? `\0${ABOUT_ID}` : null),
    load: (id) => (id === `\0${ABOUT_ID}` ? `export default ${JSON.stringify(collectAboutData(root))};` : null),
  };
}

export default defineConfig({
  main: {
    plugins: [aboutData()],
    build: {
      outDir: resolve(root, 'out/main'),
      rolldownOptions: { input: { main: resolve(root, 'electron/main.ts') } },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload cannot require its own chunks: it must be one CommonJS file.
      rolldownOptions: { input: { preload: resolve(root, 'electron/preload.ts') }, output: { format: 'cjs' } },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
