import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './load';

// Every file under tests/fixtures is either a third-party recording (a row in PROVENANCE.md carries its source,
// commit and licence notice) or one we wrote in a vendor's layout (a `###` heading in layouts/README.md says
// how). A file that neither names cannot be shipped: nobody could say where it came from or under what terms.

const LAYOUTS = 'layouts';
const OWN_FILES = new Set(['PROVENANCE.md', `${LAYOUTS}/README.md`, `${LAYOUTS}/generate.mjs`]);

function listFiles(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((entry) => {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(dir, child) : [child];
  });
}

/** `a/{b,c}.csv` → `a/b.csv`, `a/c.csv` (one brace group, as the layouts README writes them). */
function expandBraces(token: string): string[] {
  const m = /^(.*)\{([^}]*)\}(.*)$/.exec(token);
  return m ? m[2].split(',').map((part) => `${m[1]}${part}${m[3]}`) : [token];
}

/**
 * Paths named by backticked tokens on one line. A token without a folder takes the folder of the token
 * before it, so a PROVENANCE row may say "`empatica-e4/ACC.csv`, `info.txt`".
 */
function namedPaths(line: string, base = ''): string[] {
  const names: string[] = [];
  let folder = '';
  for (const [, token] of line.matchAll(/`([^`]+)`/g)) {
    for (const name of expandBraces(token)) {
      const slash = name.lastIndexOf('/');
      if (slash >= 0) folder = name.slice(0, slash + 1);
      names.push(base + (slash >= 0 ? name : folder + name));
    }
  }
  return names;
}

function read(rel: string): string {
  return fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
}

/** Fixture paths named in the first cell of each PROVENANCE.md table row. */
function provenanceRows(): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of read('PROVENANCE.md').split('\n')) {
    const cells = line.split('|');
    if (cells.length < 6 || !cells[1].includes('`')) continue;
    for (const name of namedPaths(cells[1])) rows.set(name, line);
  }
  return rows;
}

function layoutHeadings(): Set<string> {
  const named = new Set<string>();
  for (const line of read(`${LAYOUTS}/README.md`).split('\n')) {
    if (!line.startsWith('###')) continue;
    const heading = line.split(' — ')[0];
    for (const name of namedPaths(heading, `${LAYOUTS}/`)) named.add(name);
  }
  return named;
}

const files = listFiles(FIXTURES).filter((f) => !OWN_FILES.has(f));
const thirdParty = files.filter((f) => !f.startsWith(`${LAYOUTS}/`));
const ours = files.filter((f) => f.startsWith(`${LAYOUTS}/`));

describe('fixture provenance', () => {
  it('finds the fixtures it guards', () => {
    expect(thirdParty.length).toBeGreaterThan(0);
    expect(ours.length).toBeGreaterThan(0);
  });

  it('every fixture file holds data', () => {
    const empty = files.filter((f) => fs.statSync(path.join(FIXTURES, f)).size === 0);
    expect(empty).toEqual([]);
  });

  it('every third-party fixture has a PROVENANCE.md row with its commit and licence', () => {
    const rows = provenanceRows();
    const missing = thirdParty.filter((f) => !rows.has(f));
    expect(missing, 'add a row to tests/fixtures/PROVENANCE.md for each').toEqual([]);
    const incomplete = thirdParty.filter((f) => {
      const cells = rows.get(f)!.split('|').map((c) => c.trim());
      const [, , source, commit, licence] = cells;
      return !source || !/^[0-9a-f]{7,40}$/.test(commit) || !licence;
    });
    expect(incomplete, 'rows need a source, a commit hash and a licence').toEqual([]);
  });

  it('every PROVENANCE.md row names a file that is there', () => {
    const stale = [...provenanceRows().keys()].filter((f) => !fs.existsSync(path.join(FIXTURES, f)));
    expect(stale).toEqual([]);
  });

  it('every layout fixture we wrote is described in layouts/README.md', () => {
    const named = layoutHeadings();
    expect(ours.filter((f) => !named.has(f))).toEqual([]);
  });
});
