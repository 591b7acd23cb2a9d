/** What the user can give for the file to be read: a sample rate, or the format that wrote it. */
export type ImportRemedy = 'rate' | 'format';

/** A file the importer cannot read, said so that the user knows where and what to do. */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly hint?: string,
    readonly line?: number,
    readonly column?: number,
    readonly remedy?: ImportRemedy,
  ) {
    super(formatImportError(file, problem, hint, line, column));
    this.name = 'ImportError';
  }
}

export function formatImportError(
  file: string,
  problem: string,
  hint?: string,
  line?: number,
  column?: number,
): string {
  const where = line !== undefined ? `:${line}${column !== undefined ? `:${column}` : ''}` : '';
  return `${file}${where}: ${problem}${hint ? ` (${hint})` : ''}`;
}

/** Thrown when the caller's AbortSignal fires; not an error in the file. */
export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'ImportCancelled';
  }
}
