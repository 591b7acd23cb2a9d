import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { productionFiles, read } from './sources';

// Small rooms (issue 19): no production file over 400 lines, no production function over 120. Lines are counted
// as an editor shows them, a function from its first line to its closing brace, nested functions included.

const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 120;

/** Functions over the limit when this check came (issue 19 splits them); no other may join them. */
const STILL_LONG = new Set<string>([
]);

interface Measured {
  file: string;
  name: string;
  lines: number;
}

function lineCount(text: string): number {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

function nameOf(node: ts.Node, src: ts.SourceFile): string {
  const named = node as { name?: ts.Node };
  if (named.name) return named.name.getText(src);
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) return parent.name.getText(src);
  if (ts.isExportAssignment(parent)) return 'default';
  return '(anonymous)';
}

export function functionsOf(file: string, text: string): Measured[] {
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: Measured[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = src.getLineAndCharacterOfPosition(node.getStart(src)).line;
      const last = src.getLineAndCharacterOfPosition(node.getEnd()).line;
      out.push({ file, name: nameOf(node, src), lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
  return out;
}

describe('room sizes', () => {
  const files = productionFiles().filter((f) => /\.tsx?$/.test(f));

  it(`no production file is over ${MAX_FILE_LINES} lines`, () => {
    const long = files.map((f) => ({ file: f, lines: lineCount(read(f)) })).filter((f) => f.lines > MAX_FILE_LINES);
    expect(long).toEqual([]);
  });

  it(`no production function is over ${MAX_FUNCTION_LINES} lines, but those listed`, () => {
    const long = files
      .flatMap((file) => functionsOf(file, read(file)))
      .filter((f) => f.lines > MAX_FUNCTION_LINES && !STILL_LONG.has(`${f.file} ${f.name}`))
      .map((f) => `${f.file} ${f.name}: ${f.lines} lines`);
    expect(long).toEqual([]);
  });

  it('lists only functions still over the limit (take one off the list once it is split)', () => {
    const over = new Set(files.flatMap((file) => functionsOf(file, read(file))).filter((f) => f.lines > MAX_FUNCTION_LINES).map((f) => `${f.file} ${f.name}`));
    expect([...STILL_LONG].filter((name) => !over.has(name))).toEqual([]);
  });

  it('measures a function from its first line to its closing brace, nested ones too, whatever their form', () => {
    const text = ['export function outer() {', '  const inner = () => {', '    return 1;', '  };', '  return inner;', '}', 'class K { m() {', '} }', ''].join('\n');
    expect(functionsOf('x.ts', text).map((f) => [f.name, f.lines])).toEqual([
      ['outer', 6],
      ['inner', 3],
      ['m', 2],
    ]);
  });
});
