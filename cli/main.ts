import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { eventsToCsv } from '../core/analysis/events-csv';
import { anonymise } from '../core/export/anonymise';
import { writeEdf } from '../core/export/edf/write';
import { toAnalysisJson } from '../core/analysis/json';
import { ALL_FORMATS, ImportError } from '../core/import';
import { nothingToAnalyse } from '../core/import/nothing-to-analyse';
import { parseTemplates } from '../core/import/templates';
import { analysedChannels } from '../core/analysis/channels';
import { QUESTIONS } from '../core/guidance/checklist';
import { guidanceFor } from '../core/guidance';
import { buildReportHtml } from '../core/report';
import type { Recording } from '../core/recording';
import { writeFileAtomic } from '../node/fs/atomic-write';
import { parseArgs, UsageError, type CliArgs } from './args';
import { isBatch } from './words';
import { htmlToPdf } from './pdf';
import { describeAnalysis, describeGuidance, describeRecording } from './print';
import { reviewFromFile } from './events-in';
import { refuseOverwritingInputs } from './outputs';
import { readRecording, templateSites } from './read-recording';
import { analyseMany, type BatchRun } from './batch';
import { trendCommand } from './trend';
import { analyse, threadsFor } from './thread-lanes';
import { softwareVersion } from './version';
import { say, warn } from './terminal';

/** Text wrapped at `width` columns, each line indented by `indent` spaces. */
function wrapped(text: string, indent: number, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => ' '.repeat(indent) + l).join('\n');
}

const HELP = `twitchscope — find twitch-like spikes and cramp-like activity in EMG and accelerometer recordings

Usage:
  twitchscope info FILE [--format ID] [--rate HZ] [--column N=KIND[:UNIT]] [--template FILE]
  twitchscope formats
  twitchscope analyze FILE [--json OUT.json] [--events OUT.csv] [--report OUT.pdf|OUT.html]
                           [--edf OUT.edf [--filtered]] [--events-in EVENTS.csv|EXPORT.edf]
                           [--anonymise [--keep-time-of-day]]
                           [--format ID] [--rate HZ] [--site CHANNEL=SITE]... [--column N=KIND[:UNIT]]... [--template FILE]
                           [--sensitivity 0..1] [--subject NAME] [--answer QUESTION=yes|no|unsure]...
                           [--context FIELD=TEXT]...
  twitchscope analyze FILE|FOLDER... [--json-dir DIR] [--summary OUT.csv] [--library LIBRARY.json]
                                     [import and detection options]
  twitchscope trend FILE|FOLDER... [--report OUT.pdf|OUT.html] [--tag FILE=TAG]... [--subject NAME]
                                   [import and detection options]
  twitchscope --version

  "analyse" is accepted for "analyze".

  --format ID        read the file as this format (see "twitchscope formats"); detected by default
  --rate HZ          sample rate, for files that state none
  --site CH=SITE     body site of an analysed channel, e.g. --site emg1="left calf"
  --column N=KIND    treat column N (1-based, or its header text) as emg, accel or other, e.g. 2=emg:mV
                     or "EMG 1 [mV]"=emg
  --template FILE    apply the import template (exported from the app) made for each file's layout:
                     its format, rate, column kinds and units, and body sites
  --sensitivity S    0 finds the fewest events, 1 the most; 0.5 is the default
  --subject NAME     name or initials printed on the report
  --edf OUT.edf      the signals and every event (type, review, multiplet count) as EDF+ annotations, for
                     EDFbrowser, MNE and other EEG/EMG tools; BDF+ when the recording is 24-bit
  --filtered         with --edf: the signals as drawn (band-passed, hum removed) instead of as recorded
  --anonymise        every output without names, codes, device serials, MAC addresses or file paths, and
                     with its dates moved (the start to 2000-01-01, intervals kept); --keep-time-of-day
                     keeps the clock time
  --events-in FILE   restore the review (confirmed, rejected and added events, sites) from an events CSV or
                     EDF+ export of the same recording; another recording's file is refused
  --answer Q=A       a checklist answer for the report's guidance, as in the app: yes, no or unsure, e.g.
                     --answer weakness-worse=yes; the questions:
${wrapped(QUESTIONS.map((q) => q.id).join(', '), 21, 110)}
  --context F=TEXT   how the recording was made, printed on the report: placement, muscle, posture,
                     symptom-duration, weakness; e.g. --context muscle="left soleus" --context posture="lying prone"
  --json-dir DIR     with several recordings: one <name>.analysis.json per recording in DIR
  --summary OUT.csv  with several recordings: one row per recording and site (rest, twitches, rate, sustained)
  --library FILE     add the recordings to this library index (e.g. the app's library.json); ones already
                     there get the new figures and keep their tags
  --tag FILE=TAG     trend: mark a recording, e.g. --tag week3.csv=caffeine (caffeine, poor sleep,
                     after exercise, medication change, or any short text)

Several files, or a folder (searched for .csv, .txt, .tsv, .edf and .bdf files), are analysed in parallel on all cores;
progress goes to stderr as [3/20] file.csv. A file that cannot be read is reported and skipped, the others
go on, and the exit status is then 2. "trend" compares the recordings over time (rate by site with exact
95% intervals) and with --report writes the trend report; with one recording it writes the ordinary report.

Exit status: 0 done, 2 bad input (the message says what to do), 1 internal error.
TwitchScope describes signals; it does not diagnose.`;

/** The templates of `--template FILE`; a file that cannot be read or holds a wrong field is bad input. */
async function readTemplates(file: string) {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    throw new ImportError(path.basename(file), `cannot read the template file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, 'check the path given to --template');
  }
  return parseTemplates(text, path.basename(file));
}

/** Exit codes of the command line contract. */
const EXIT_OK = 0;
const EXIT_INTERNAL = 1;
const EXIT_BAD_INPUT = 2;

async function writeOut(file: string, data: string | Uint8Array): Promise<void> {
  await writeFileAtomic(fs, path.resolve(file), data, () => randomBytes(6).toString('hex'));
}

/** The report as HTML, or printed to PDF when the name ends in .pdf. */
async function writeReportFile(file: string, html: string): Promise<void> {
  if (/\.pdf$/i.test(file)) {
    let pdf: Uint8Array;
    try {
      pdf = await htmlToPdf(html);
    } catch (e) {
      throw new UsageError(`cannot write ${file}: ${(e as Error).message}`);
    }
    await writeOut(file, pdf);
  } else {
    await writeOut(file, html);
  }
}

function batchArgs(args: CliArgs) {
  return {
    ...(args.format ? { format: args.format } : {}),
    ...(args.rate ? { rate: args.rate } : {}),
    columns: args.columns,
    ...(args.templates ? { templates: args.templates } : {}),
    sites: args.sites,
    ...(args.sensitivity !== undefined ? { sensitivity: args.sensitivity } : {}),
    quiet: args.quiet,
    version: softwareVersion(),
    ...(args.jsonDir ? { jsonDir: args.jsonDir } : {}),
    ...(args.summary ? { summary: args.summary } : {}),
    ...(args.library ? { library: args.library } : {}),
  };
}

function failIfAny(run: BatchRun): void {
  if (run.files.length === 0) throw new UsageError('no recording files found (looked for .csv, .txt, .tsv, .edf and .bdf)');
  if (run.failed > 0) throw new UsageError(`${run.failed} of ${run.files.length} files could not be analysed`);
}

async function analyseSeveral(args: CliArgs): Promise<void> {
  if (args.files.length === 0) throw new UsageError('analyze needs a FILE or FOLDER (see "twitchscope help")');
  for (const [flag, given] of [['--json', args.json], ['--events', args.events], ['--report', args.report], ['--edf', args.edf], ['--events-in', args.eventsIn]] as const) {
    if (given) throw new UsageError(`${flag} writes one recording's output; with several recordings use --json-dir DIR and --summary OUT.csv`);
  }
  if (Object.keys(args.answers).length > 0) throw new UsageError('--answer belongs to one recording\'s report (analyze FILE --report OUT.pdf); several recordings have no guidance');
  if (Object.values(args.context).some((v) => v !== '')) throw new UsageError('--context belongs to one recording\'s report (analyze FILE --report OUT.pdf)');
  failIfAny(await analyseMany(args.files, batchArgs(args), writeOut));
}

async function trend(args: CliArgs): Promise<void> {
  if (args.files.length === 0) throw new UsageError('trend needs two or more recording files, or a folder (see "twitchscope help")');
  for (const [flag, given] of [['--json', args.json], ['--events', args.events], ['--edf', args.edf], ['--events-in', args.eventsIn], ['--json-dir', args.jsonDir], ['--summary', args.summary], ['--library', args.library]] as const) {
    if (given) throw new UsageError(`${flag} belongs to "analyze"; "trend" writes the trend report (--report OUT.pdf|OUT.html)`);
  }
  const run = await trendCommand(args.files, { ...batchArgs(args), tags: args.tags, ...(args.report ? { report: args.report } : {}), ...(args.subject ? { subject: args.subject } : {}) }, {
    writeReport: writeReportFile,
    single: (file) => analyseFile({ ...args, files: [file], json: undefined, events: undefined, jsonDir: undefined, summary: undefined }),
  });
  failIfAny(run);
}

async function analyseFile(args: CliArgs): Promise<void> {
  if (args.files.length !== 1) throw new UsageError('analyze takes one recording file (see "twitchscope help")');
  await refuseOverwritingInputs(args.files, [
    ...(args.json ? [{ flag: '--json', path: args.json }] : []),
    ...(args.events ? [{ flag: '--events', path: args.events }] : []),
    ...(args.report ? [{ flag: '--report', path: args.report }] : []),
    ...(args.edf ? [{ flag: '--edf', path: args.edf }] : []),
  ]);
  const threads = await threadsFor(args.files[0]);
  let rec;
  let analysis;
  try {
    rec = await readRecording(args.files[0], args, undefined, threads);
    checkSites(rec, args.sites);
    const sites = { ...templateSites(rec.layout, args.templates), ...args.sites };
    if (!rec.notRaw && analysedChannels(rec, sites).length === 0) throw new ImportError(rec.file, nothingToAnalyse(rec));
    analysis = await analyse(rec, { sites, ...(args.sensitivity !== undefined ? { params: { sensitivity: args.sensitivity } } : {}) }, threads);
  } catch (e) {
    if (e instanceof Error && /^(unknown parameter|parameter )/.test(e.message)) throw new UsageError(e.message);
    throw e;
  } finally {
    await threads?.close();
  }
  if (args.eventsIn) {
    const restored = await reviewFromFile(args.eventsIn, rec, analysis, args.sites);
    analysis = restored.analysis;
    if (!args.quiet) warn(`twitchscope: ${restored.message}\n`);
  }
  if (args.keepTimeOfDay && !args.anonymise) throw new UsageError('--keep-time-of-day belongs with --anonymise');
  const version = softwareVersion();
  let generatedAt = new Date().toISOString();
  let subject = args.subject;
  if (args.anonymise) {
    const anon = anonymise(rec, analysis, { keepTimeOfDay: args.keepTimeOfDay });
    rec = anon.recording;
    analysis = anon.analysis;
    generatedAt = anon.shiftIso(generatedAt);
    if (subject) warn('twitchscope: --anonymise: the name given with --subject is left out of the report\n');
    subject = undefined;
  }
  if (args.edf) await writeOut(args.edf, writeEdf(rec, analysis, { signals: args.filtered ? 'filtered' : 'raw', software: `TwitchScope ${version}` }).bytes);
  if (args.json) await writeOut(args.json, JSON.stringify(toAnalysisJson(rec, analysis, version), null, 2) + '\n');
  if (args.events) await writeOut(args.events, eventsToCsv(analysis, rec));
  if (args.report) {
    const html = buildReportHtml({
      recording: rec,
      analysis,
      answers: args.answers,
      context: args.context,
      ...(subject ? { subject } : {}),
      software: { name: 'TwitchScope', version },
      generatedAt,
    });
    await writeReportFile(args.report, html);
  }
  if (!args.json) say(describeAnalysis(rec, analysis) + '\n');
  if (!args.json && Object.keys(args.answers).length > 0) say('\n' + describeGuidance(guidanceFor(analysis, args.answers)) + '\n');
}

function checkSites(rec: Recording, sites: Record<string, string>): void {
  const known = new Set([...rec.channels.map((c) => c.id), ...rec.sensors.map((s) => s.id)]);
  for (const id of Object.keys(sites)) {
    if (!known.has(id)) {
      throw new UsageError(`--site ${id}=...: no channel "${id}" in ${rec.file} (channels: ${[...known].join(', ')})`);
    }
  }
}

async function info(args: CliArgs): Promise<void> {
  if (args.files.length === 0) throw new UsageError('info needs a FILE (see "twitchscope help")');
  let failed = 0;
  for (const file of args.files) {
    try {
      say(describeRecording(await readRecording(file, args)) + '\n\n');
    } catch (e) {
      if (!(e instanceof ImportError) || args.files.length === 1) throw e;
      warn(`twitchscope: ${e.message}\n`);
      failed++;
    }
  }
  if (failed > 0) throw new UsageError(`${failed} of ${args.files.length} files could not be read`);
}

function formats(): void {
  const rows = ALL_FORMATS.map((f) => [f.id, f.name, f.evidence === 'real' ? 'real export' : 'documented layout', f.description]);
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  say(`${'id'.padEnd(w0)}  ${'name'.padEnd(w1)}  tested on          description\n`);
  for (const r of rows) say(`${r[0].padEnd(w0)}  ${r[1].padEnd(w1)}  ${r[2].padEnd(17)}  ${r[3]}\n`);
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.template) args.templates = await readTemplates(args.template);
    switch (args.command) {
      case 'info':
        await info(args);
        break;
      case 'formats':
        formats();
        break;
      // The command keeps the spelling users have in their scripts; the rest of TwitchScope writes "analyse".
      case 'analyze':
      case 'analyse':
        if (isBatch(args.files, Boolean(args.jsonDir || args.summary || args.library))) await analyseSeveral(args);
        else await analyseFile(args);
        break;
      case 'trend':
        await trend(args);
        break;
      case '--version':
      case 'version':
        say(`twitchscope ${softwareVersion()}\n`);
        break;
      case 'help':
      case '--help':
      case '-h':
        say(HELP + '\n');
        break;
      default:
        throw new UsageError(`unknown command "${args.command}" (commands: info, formats, analyze, trend; see "twitchscope help")`);
    }
    return EXIT_OK;
  } catch (e) {
    if (e instanceof ImportError || e instanceof UsageError) {
      warn(`twitchscope: ${e.message}\n`);
      return EXIT_BAD_INPUT;
    }
    const err = e as NodeJS.ErrnoException;
    if (err && (err.code === 'EACCES' || err.code === 'ENOENT' || err.code === 'EROFS' || err.code === 'ENOSPC')) {
      warn(`twitchscope: cannot write ${err.path ?? 'the output'}: ${err.code} (check the folder exists and is writable)\n`);
      return EXIT_BAD_INPUT;
    }
    warn(
      `twitchscope: internal error: ${err?.message ?? String(e)}\n` +
        'This is a bug in TwitchScope, not a problem with your file. Please report it with the command you ran.\n',
    );
    if (process.env.TWITCHSCOPE_DEBUG) warn(`${err?.stack}\n`);
    return EXIT_INTERNAL;
  }
}
