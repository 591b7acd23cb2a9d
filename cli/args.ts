/** The command line's words, parsed into a typed shape; wrong words are a UsageError (exit 2). */
import { QUESTIONS, type Answer, type ChecklistAnswers, type QuestionId } from '../core/guidance/checklist';
import { CONTEXT_FIELDS, CONTEXT_MAX_CHARS, EMPTY_CONTEXT, type ContextField, type RecordingContext } from '../core/review/context';

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
  quiet: boolean;
}

const VALUE_FLAGS = new Set(['--events-in', '--edf', '--json', '--json-dir', '--summary', '--library', '--events', '--report', '--format', '--rate', '--site', '--column', '--sensitivity', '--subject', '--tag', '--answer', '--context']);

export function parseArgs(argv: readonly string[]): CliArgs {
  const out: CliArgs = { command: argv[0] ?? 'help', files: [], sites: {}, columns: {}, answers: {}, context: { ...EMPTY_CONTEXT }, tags: {}, quiet: false, filtered: false, anonymise: false, keepTimeOfDay: false };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--filtered' || a === '--anonymise' || a === '--anonymize' || a === '--keep-time-of-day') {
      if (a === '--filtered') out.filtered = true;
      else if (a === '--keep-time-of-day') out.keepTimeOfDay = true;
      else out.anonymise = true;
      continue;
    }
    if (a === '--quiet' || a === '-q') {
      out.quiet = true;
      continue;
    }
    if (!a.startsWith('--')) {
      out.files.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const flag = eq > 0 ? a.slice(0, eq) : a;
    if (!VALUE_FLAGS.has(flag)) throw new UsageError(`unknown option ${flag} (see "twitchscope help")`);
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`${flag} needs a value`);
    switch (flag) {
      case '--json':
        out.json = value;
        break;
      case '--json-dir':
        out.jsonDir = value;
        break;
      case '--summary':
        if (!/\.csv$/i.test(value)) throw new UsageError('--summary needs a file name ending in .csv');
        out.summary = value;
        break;
      case '--library':
        if (!/\.json$/i.test(value)) throw new UsageError('--library needs the library file, a name ending in .json (e.g. library.json)');
        out.library = value;
        break;
      case '--events':
        out.events = value;
        break;
      case '--events-in':
        out.eventsIn = value;
        break;
      case '--edf':
        if (!/\.(edf|bdf)$/i.test(value)) throw new UsageError('--edf needs a file name ending in .edf (or .bdf)');
        out.edf = value;
        break;
      case '--report':
        if (!/\.(pdf|html?)$/i.test(value)) throw new UsageError('--report needs a file name ending in .pdf or .html');
        out.report = value;
        break;
      case '--format':
        out.format = value;
        break;
      case '--subject':
        out.subject = value;
        break;
      case '--rate': {
        const r = Number(value);
        if (!(r > 0 && r < 1e6)) throw new UsageError(`--rate ${value}: give the sample rate in Hz, e.g. --rate 1000`);
        out.rate = r;
        break;
      }
      case '--sensitivity': {
        const s = Number(value);
        if (!(s >= 0 && s <= 1)) throw new UsageError(`--sensitivity ${value}: give a number from 0 (fewest events) to 1 (most)`);
        out.sensitivity = s;
        break;
      }
      case '--site': {
        const m = /^([^=]+)=(.*)$/.exec(value);
        if (!m) throw new UsageError(`--site ${value}: write it as CHANNEL=SITE, e.g. --site emg1="left calf"`);
        out.sites[m[1].trim()] = m[2].trim();
        break;
      }
      case '--tag': {
        const m = /^([^=]+)=(.+)$/.exec(value);
        if (!m) throw new UsageError(`--tag ${value}: write it as FILE=TAG, e.g. --tag week3.csv=caffeine`);
        const file = m[1].trim();
        out.tags[file] = [...(out.tags[file] ?? []), m[2].trim()];
        break;
      }
      case '--answer': {
        const [id, answer] = parseAnswer(value);
        out.answers[id] = answer;
        break;
      }
      case '--context': {
        const [field, text] = parseContext(value);
        out.context[field] = text;
        break;
      }
      case '--column': {
        const m = /^([^=]+)=(emg|accel|other)(?::(.+))?$/i.exec(value);
        if (!m) throw new UsageError(`--column ${value}: write it as COLUMN=KIND[:UNIT], e.g. --column 2=emg:mV`);
        out.columns[m[1].trim()] = { kind: m[2].toLowerCase() as 'emg' | 'accel' | 'other', ...(m[3] ? { unit: m[3] } : {}) };
        break;
      }
    }
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
