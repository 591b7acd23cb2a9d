import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

/** The folders that ship: everything under them is production code. */
export const PRODUCTION = ['core', 'node', 'renderer', 'cli', 'electron'] as const;

const SOURCE = /\.(ts|tsx|mts|js|mjs)$/;

/** Every source file under the production folders, as repository-relative paths with forward slashes. */
export function productionFiles(): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(child);
    }
  };
  for (const dir of PRODUCTION) walk(dir);
  return out.sort();
}

export function read(rel: string): string {
  return fs.readFileSync(path.join(ROOT, rel), 'utf8');
}
