import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { productionFiles, read, ROOT } from './sources';

// The README's layer table is the rule; this test holds every import to it. A row may import its own folder and
// the rows its last column names; a neighbour in the same row is as forbidden as a row below.

interface Row {
  n: number;
  entries: string[];
  mayImport: Set<number>;
}

function layerTable(readme: string): Row[] {
  const lines = readme.split('\n');
  const start = lines.findIndex((l) => /^#+ Layers\b/.test(l));
  if (start < 0) throw new Error('README.md has no "Layers" heading');
  const rows: Row[] = [];
  for (const line of lines.slice(start + 1)) {
    const m = /^\|\s*(\d+)\s*\|(.*)\|(.*)\|\s*$/.exec(line);
    if (!m) {
      if (rows.length > 0 && !line.startsWith('|')) break;
      continue;
    }
    const mayImport = new Set<number>();
    for (const part of m[3].split(',').map((s) => s.trim())) {
      const range = /^(\d+)(?:[–-](\d+))?$/.exec(part);
      if (!range) continue;
      for (let k = Number(range[1]); k <= Number(range[2] ?? range[1]); k++) mayImport.add(k);
    }
    rows.push({ n: Number(m[1]), entries: [...m[2].matchAll(/`([^`]+)`/g)].map((x) => x[1]), mayImport });
  }
  return rows;
}

/** The README's table entry a file belongs to: a folder (`core/detect/`) or a file (`core/format.ts`). */
function entryOf(rows: Row[], file: string): { row: Row; entry: string } | null {
  let best: { row: Row; entry: string } | null = null;
  for (const row of rows) {
    for (const entry of row.entries) {
      const hit = entry.endsWith('/') ? file.startsWith(entry) : file === entry;
      if (hit && (!best || entry.length > best.entry.length)) best = { row, entry };
    }
  }
  return best;
}

function resolve(from: string, spec: string): string | null {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec.replace(/\?.*$/, '')));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    const full = path.join(ROOT, candidate);
    if (fs.existsSync(full) && fs.statSync(full).isFile()) return candidate;
  }
  return null;
}

/** Packages each shell may name; core's are pure computation and run anywhere. */
const CORE_PACKAGES = ['fft.js', 'papaparse'];
const PACKAGES: Record<string, (name: string) => boolean> = {
  core: (p) => CORE_PACKAGES.includes(p),
  renderer: (p) => CORE_PACKAGES.includes(p) || /^(react|react-dom|react-dom\/client|uplot)(\/|$)/.test(p),
  node: (p) => CORE_PACKAGES.includes(p) || p.startsWith('node:'),
  cli: (p) => CORE_PACKAGES.includes(p) || p.startsWith('node:'),
  electron: (p) => CORE_PACKAGES.includes(p) || p.startsWith('node:') || p === 'electron' || p.startsWith('virtual:'),
};

interface Graph {
  edges: Map<string, string[]>;
  problems: string[];
}

function importGraph(rows: Row[], files = productionFiles(), readFile: (file: string) => string = read): Graph {
  const edges = new Map<string, string[]>();
  const problems: string[] = [];
  for (const file of files) {
    const from = entryOf(rows, file);
    if (!from) {
      problems.push(`${file} is in no row of the README's layer table`);
      continue;
    }
    const targets: string[] = [];
    for (const { fileName: spec } of ts.preProcessFile(readFile(file), true, true).importedFiles) {
      if (!spec.startsWith('.')) {
        if (!PACKAGES[file.split('/')[0]](spec)) problems.push(`${file} imports the package ${spec}`);
        continue;
      }
      const target = resolve(file, spec);
      if (!target) {
        problems.push(`${file} imports ${spec}, which is not there`);
        continue;
      }
      targets.push(target);
      const to = entryOf(rows, target);
      if (!to) {
        if (/^(tests|bench|scripts)\//.test(target)) problems.push(`${file} imports ${target}, which does not ship`);
        continue;
      }
      if (to.entry !== from.entry && !from.row.mayImport.has(to.row.n)) {
        problems.push(`${file} (row ${from.row.n}, ${from.entry}) imports ${target} (row ${to.row.n}, ${to.entry})`);
      }
    }
    edges.set(file, targets);
  }
  return { edges, problems };
}

/** Strongly connected groups of more than one file (Tarjan): each is an import cycle. */
function cycles(edges: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1 || (edges.get(v) ?? []).includes(v)) found.push(group.sort());
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('the import graph', () => {
  const readme = read('README.md');
  const rows = layerTable(readme);

  it('the README has a layer table naming folders and files that exist', () => {
    expect(rows.length).toBeGreaterThan(5);
    const missing = rows.flatMap((r) => r.entries).filter((e) => !fs.existsSync(path.join(ROOT, e)));
    expect(missing).toEqual([]);
  });

  it('has no import up the layers or across a row, and no package a layer may not use', () => {
    expect(importGraph(rows).problems).toEqual([]);
  });

  it('has no cycle', () => {
    expect(cycles(importGraph(rows).edges)).toEqual([]);
  });

  it('the check catches an upward import, an import across a row, a package out of place and a cycle', () => {
    const probes: Record<string, string> = {
      'core/detect/probe.ts': "import type { Analysis } from '../analysis/types';",
      'core/library/probe.ts': "import { x } from '../view/time-bins';",
      'core/csv/probe.ts': "import fs from 'node:fs';",
      'cli/probe.ts': "import { x } from '../electron/recent';",
      'electron/probe.ts': "export * from '../renderer/samples';",
      'node/probe.ts': "const m = await import('../cli/main');",
      'renderer/probe.ts': "import { x } from '../node/fs/types';",
      'core/stray/probe.ts': '',
    };
    const { problems } = importGraph(rows, Object.keys(probes), (f) => probes[f]);
    expect(problems).toEqual([
      expect.stringMatching(/^core\/detect\/probe\.ts .* imports core\/analysis\/types\.ts/),
      expect.stringMatching(/^core\/library\/probe\.ts .* imports core\/view\/time-bins\.ts/),
      'core/csv/probe.ts imports the package node:fs',
      expect.stringMatching(/^cli\/probe\.ts .* imports electron\/recent\.ts/),
      expect.stringMatching(/^electron\/probe\.ts .* imports renderer\/samples\.ts/),
      expect.stringMatching(/^node\/probe\.ts .* imports cli\/main\.ts/),
      expect.stringMatching(/^renderer\/probe\.ts .* imports node\/fs\/types\.ts/),
      "core/stray/probe.ts is in no row of the README's layer table",
    ]);
    const loop = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(loop)).toEqual([['a', 'b', 'c']]);
  });

  it("every top-level folder of the repository is in the README's project layout table", () => {
    const section = readme.slice(readme.indexOf('## Project layout'));
    const named = new Set([...section.matchAll(/^\|\s*([^|]+)\|/gm)].flatMap((m) => [...m[1].matchAll(/`([^`/]+)\/`/g)].map((x) => x[1])));
    const folders = fs
      .readdirSync(ROOT, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !['node_modules', 'out', 'dist', 'dist-web', 'release'].includes(e.name))
      .map((e) => e.name);
    expect(folders.filter((f) => !named.has(f))).toEqual([]);
  });
});
