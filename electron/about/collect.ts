import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AboutData, LicenceEntry } from './data';

/**
 * Build-time only (imported by electron.vite.config.ts, never bundled): lists the packages shipped inside the app
 * (runtime dependencies, their dependencies, and Electron itself) with their licence ids, and the bundled samples.
 */

interface PackageJson {
  name?: string;
  version?: string;
  license?: string | { type?: string };
  licenses?: { type?: string }[];
  dependencies?: Record<string, string>;
}

function readPackage(dir: string): PackageJson | null {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
  } catch {
    return null;
  }
}

function licenceId(pkg: PackageJson): string {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license && typeof pkg.license.type === 'string') return pkg.license.type;
  const legacy = pkg.licenses?.map((entry) => entry.type).filter(Boolean);
  return legacy && legacy.length > 0 ? legacy.join(' OR ') : 'see package';
}

export function collectLicences(rootDir: string): LicenceEntry[] {
  const root = readPackage(rootDir);
  const pending = [...Object.keys(root?.dependencies ?? {}), 'electron'];
  const seen = new Map<string, LicenceEntry>();
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (seen.has(name)) continue;
    const pkg = readPackage(join(rootDir, 'node_modules', name));
    if (pkg === null) continue;
    seen.set(name, { name, version: pkg.version ?? '?', licence: licenceId(pkg) });
    // Electron's own npm dependencies only download the binary; they are not shipped.
    if (name !== 'electron') pending.push(...Object.keys(pkg.dependencies ?? {}));
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The opening sentence of the first real paragraph of a Markdown file (short lines such as "Default sample: x"
 * are not prose), without inline markup: for samples/README.md, where the recordings come from.
 */
export function provenanceSentence(markdown: string): string {
  const prose = markdown
    .replace(/\r\n/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => !block.startsWith('#') && !block.startsWith('```') && !block.startsWith('|'))
    .map((block) =>
      block
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/[*_`]/g, '')
        .replace(/\s+/g, ' '),
    )
    .find((block) => block.split(' ').length >= 8);
  if (prose === undefined) return '';
  const end = /[.!?](\s|$)/.exec(prose);
  return end ? prose.slice(0, end.index + 1) : prose;
}

export function collectAboutData(rootDir: string): AboutData {
  const samplesDir = join(rootDir, 'samples');
  let files: string[] = [];
  try {
    files = readdirSync(samplesDir).filter((file) => file.toLowerCase().endsWith('.csv')).sort();
  } catch {
    files = [];
  }
  let provenance = '';
  try {
    provenance = provenanceSentence(readFileSync(join(samplesDir, 'README.md'), 'utf8'));
  } catch {
    provenance = '';
  }
  return { licences: collectLicences(rootDir), samples: files.map((file) => ({ file })), samplesProvenance: provenance };
}
