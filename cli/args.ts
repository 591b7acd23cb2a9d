/** The command line's words, parsed into a typed shape; wrong words are a UsageError (exit 2). */
import { QUESTIONS, type Answer, type ChecklistAnswers, type QuestionId } from '../core/guidance/checklist';
import { CONTEXT_FIELDS, CONTEXT_MAX_CHARS, EMPTY_CONTEXT, type ContextField, type RecordingContext } from '../core/review/context';
import { OPTIONS, parseWords } from './words';

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface CliArgs {
  command: string;
  files: string[];
  json?: string;
  /** Folder for one `<name>.analysis.json` per recording (several files). */
  jsonDir?: string;
  /** Summary table, one row per recording and site (several files). */
  summary?: string;
  /** Library index to add the analysed recordings to (e.g. the app's `library.json`). */
  library?: string;
  events?: string;
  /** An events CSV or EDF+ export whose review is restored onto this analysis. */
  eventsIn?: string;
  /** EDF+ (BDF+ for 24-bit sources) export of the signals and events. */
  edf?: string;
  /** Write the signals as drawn (filtered) rather than as recorded. */
  filtered: boolean;
  /** Remove names, serials, MAC addresses and paths from every output, and shift its dates. */
  anonymise: boolean;
  /** With --anonymise: keep the clock time (dates are still shifted). */
  keepTimeOfDay: boolean;
  report?: string;
  format?: string;
  rate?: number;
  sites: Record<string, string>;
  columns: Record<string, { kind?: 'emg' | 'accel' | 'other'; unit?: string }>;
  sensitivity?: number;
  subject?: string;
  /** Checklist answers for the report (`--answer weakness-worse=yes`), as the app's checklist gives them. */
  answers: ChecklistAnswers;
  /** How the recording was made, for the report (`--context muscle="left soleus"`). */
  context: RecordingContext;
  /** Tags per recording file name (`trend --tag week3.csv=caffeine`). */
  tags: Record<string, string[]>;
  /** A file of import templates (exported from the app): the one for each file's layout is applied. */
  template?: string;
  /** The templates read from `template` (by main, before any file is read). */
  templates?: import('../core/import/templates').ImportTemplate[];
  quiet: boolean;
}

type Values = ReturnType<typeof parseWords>['values'];

/** The command line as `util.parseArgs` reads it; its errors become usage errors that name the option. */
function readWords(words: string[]): { values: Values; files: string[] } {
  try {
    const { values, positionals } = parseWords(words);
    return { values, files: positionals };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${/'([^']+)'/.exec(message)?.[1] ?? ''} (see "twitchscope help")`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const flag = /--[\w-]+/.exec(message)?.[0] ?? '';
      const takesValue = OPTIONS[flag.slice(2) as keyof typeof OPTIONS]?.type === 'string';
      throw new UsageError(takesValue ? `${flag} needs a value (one starting with "-" is written ${flag}=VALUE)` : `${flag} takes no value`);
    }
    throw error;
  }
}

/** Checks a file name's ending; `what` says what the option needs. */
function fileName(flag: string, value: string | undefined, ending: RegExp, what: string): string | undefined {
  if (value !== undefined && !ending.test(value)) throw new UsageError(`${flag} needs ${what}`);
  return value;
}

function numberIn(flag: string, value: string | undefined, ok: (n: number) => boolean, hint: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!ok(n)) throw new UsageError(`${flag} ${value}: ${hint}`);
  return n;
}

/** `NAME=VALUE` pairs, in the order given; `usage` shows the form when one is not. */
function pairs(flag: string, values: readonly string[] | undefined, usage: string, pattern = /^([^=]+)=(.*)$/): RegExpExecArray[] {
  return (values ?? []).map((value) => {
    const m = pattern.exec(value);
    if (!m) throw new UsageError(`${flag} ${value}: write it as ${usage}`);
    return m;
  });
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const { values: v, files } = readWords(argv.slice(1));
  const out: CliArgs = {
    command: argv[0] ?? 'help',
    files,
    sites: {},
    columns: {},
    answers: {},
    context: { ...EMPTY_CONTEXT },
    tags: {},
    quiet: v.quiet ?? false,
    filtered: v.filtered ?? false,
    anonymise: (v.anonymise || v.anonymize) ?? false,
    keepTimeOfDay: v['keep-time-of-day'] ?? false,
  };
  const optional = {
    json: v.json,
    jsonDir: v['json-dir'],
    summary: fileName('--summary', v.summary, /\.csv$/i, 'a file name ending in .csv'),
    library: fileName('--library', v.library, /\.json$/i, 'the library file, a name ending in .json (e.g. library.json)'),
    events: v.events,
    eventsIn: v['events-in'],
    edf: fileName('--edf', v.edf, /\.(edf|bdf)$/i, 'a file name ending in .edf (or .bdf)'),
    report: fileName('--report', v.report, /\.(pdf|html?)$/i, 'a file name ending in .pdf or .html'),
    format: v.format,
    subject: v.subject,
    template: v.template,
    rate: numberIn('--rate', v.rate, (r) => r > 0 && r < 1e6, 'give the sample rate in Hz, e.g. --rate 1000'),
    sensitivity: numberIn('--sensitivity', v.sensitivity, (s) => s >= 0 && s <= 1, 'give a number from 0 (fewest events) to 1 (most)'),
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(out, { [key]: value });
  for (const m of pairs('--site', v.site, 'CHANNEL=SITE, e.g. --site emg1="left calf"')) out.sites[m[1].trim()] = m[2].trim();
  for (const m of pairs('--tag', v.tag, 'FILE=TAG, e.g. --tag week3.csv=caffeine', /^([^=]+)=(.+)$/)) {
    const file = m[1].trim();
    out.tags[file] = [...(out.tags[file] ?? []), m[2].trim()];
  }
  for (const value of v.answer ?? []) {
    const [id, answer] = parseAnswer(value);
    out.answers[id] = answer;
  }
  for (const value of v.context ?? []) {
    const [field, text] = parseContext(value);
    out.context[field] = text;
  }
  for (const m of pairs('--column', v.column, 'COLUMN=KIND[:UNIT], e.g. --column 2=emg:mV', /^([^=]+)=(emg|accel|other)(?::(.+))?$/i)) {
    out.columns[m[1].trim()] = { kind: m[2].toLowerCase() as 'emg' | 'accel' | 'other', ...(m[3] ? { unit: m[3] } : {}) };
  }
  return out;
}

const ANSWER_WORDS: Record<string, Answer> = { yes: 'yes', no: 'no', unsure: 'unsure', 'not-sure': 'unsure' };

/** `weakness-worse=yes` → the checklist's id and answer; the message lists the ids when one is unknown. */
function parseAnswer(value: string): [QuestionId, Answer] {
  const m = /^([^=]+)=(.*)$/.exec(value);
  if (!m) throw new UsageError(`--answer ${value}: write it as QUESTION=yes|no|unsure, e.g. --answer weakness-worse=yes`);
  const id = m[1].trim().toLowerCase();
  const question = QUESTIONS.find((q) => q.id === id);
  if (!question) throw new UsageError(`--answer ${value}: no checklist question "${id}" (questions: ${QUESTIONS.map((q) => q.id).join(', ')})`);
  const answer = ANSWER_WORDS[m[2].trim().toLowerCase()];
  if (!answer) throw new UsageError(`--answer ${value}: the answer must be yes, no or unsure`);
  return [question.id, answer];
}

/** The context field names as typed on the command line: `symptom-duration` for `symptomDuration`. */
const contextName = (id: ContextField): string => id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** `muscle=left soleus` → the context field and its text. */
function parseContext(value: string): [ContextField, string] {
  const names = CONTEXT_FIELDS.map((f) => contextName(f.id)).join(', ');
  const m = /^([^=]+)=(.*)$/.exec(value);
  if (!m) throw new UsageError(`--context ${value}: write it as FIELD=TEXT, e.g. --context muscle="left soleus" (fields: ${names})`);
  const field = CONTEXT_FIELDS.find((f) => contextName(f.id) === m[1].trim().toLowerCase());
  if (!field) throw new UsageError(`--context ${value}: no field "${m[1].trim()}" (fields: ${names})`);
  const text = m[2].replace(/\s+/g, ' ').trim();
  if (text.length > CONTEXT_MAX_CHARS) throw new UsageError(`--context ${value.slice(0, 40)}...: keep it under ${CONTEXT_MAX_CHARS} characters`);
  return [field.id, text];
}
