/**
 * Detection accuracy on simulated recordings with known events: a fixed suite of conditions, several seeds
 * each, printed as a Markdown table. Run: `npm run bench:accuracy` (add `--quick` for one seed, `--only TEXT` for
 * the conditions whose name holds TEXT).
 */
import { analyseRecording } from '../core/analysis/analyse';
import type { DetectedEvent } from '../core/analysis/types';
import { simulate, type SimulationSpec } from '../core/simulate/recording';
import type { ActivityPattern } from '../core/detect/events';
import { accelScenario, EMG_CONFOUNDERS, emgScenario, pocketScenario, type EmgConfounder } from '../core/simulate/scenarios';
import { f1, scoreSegments, scoreSpanClasses, scoreTwitches, truthRestS, twitchesDuringMovement } from '../core/simulate/score';
import type { TruthEvent } from '../core/simulate/truth';

const SEEDS = process.argv.includes('--quick') ? [1] : [1, 2, 3, 4, 5];
const EMG_DURATION_S = 360;
const EMG_CHANNELS = 2;
const ACCEL_DURATION_S = 900;

interface Condition {
  name: string;
  spec: (seed: number) => SimulationSpec;
}

const emg =
  (fs: number, confounders: readonly EmgConfounder[], more: { activity?: ActivityPattern; noise?: [number, number]; twitchUv?: [number, number] } = {}) =>
  (seed: number) =>
    emgScenario({ fs, seed, durationS: EMG_DURATION_S, channels: EMG_CHANNELS, confounders, ...more });

const CONDITIONS: Condition[] = [
  { name: 'EMG 2 kHz, clean', spec: emg(2000, []) },
  ...EMG_CONFOUNDERS.map((c) => ({ name: `EMG 2 kHz, ${c}`, spec: emg(2000, [c]) })),
  { name: 'EMG 2 kHz, all confounders', spec: emg(2000, EMG_CONFOUNDERS) },
  { name: 'EMG 1 kHz, clean', spec: emg(1000, []) },
  { name: 'EMG 1 kHz, all confounders', spec: emg(1000, EMG_CONFOUNDERS) },
  { name: 'EMG 500 Hz, clean', spec: emg(500, []) },
  { name: 'EMG 500 Hz, all confounders', spec: emg(500, EMG_CONFOUNDERS) },
  { name: 'Accel 50 Hz, walking + rest', spec: (seed) => accelScenario({ fs: 50, seed, durationS: ACCEL_DURATION_S }) },
  { name: 'Accel 100 Hz, walking + rest', spec: (seed) => accelScenario({ fs: 100, seed, durationS: ACCEL_DURATION_S }) },
  { name: 'EMG 2 kHz, tonic firing (1-5 units, 5-20 Hz)', spec: emg(2000, [], { activity: 'tonic' }) },
  { name: 'EMG 250 Hz, tonic firing', spec: emg(250, [], { activity: 'tonic' }) },
  { name: 'EMG 2 kHz, tremor (4-9 Hz bursts)', spec: emg(2000, [], { activity: 'tremor' }) },
  { name: 'EMG 2 kHz, low-level contraction', spec: emg(2000, [], { activity: 'contraction' }) },
  { name: 'EMG 1 kHz, contraction + all confounders', spec: emg(1000, EMG_CONFOUNDERS, { activity: 'contraction' }) },
  { name: 'EMG 1 kHz, aliased mains', spec: emg(1000, ['aliased-mains']) },
  { name: 'EMG 500 Hz, aliased mains', spec: emg(500, ['aliased-mains']) },
  { name: 'EMG 250 Hz, aliased mains', spec: emg(250, ['aliased-mains']) },
  { name: 'EMG 2 kHz, modulated mains', spec: emg(2000, ['modulated-mains']) },
  { name: 'EMG 2 kHz, atrial fibrillation ECG', spec: emg(2000, ['af-ecg']) },
  { name: 'EMG 2 kHz, ECG with ectopic beats', spec: emg(2000, ['ectopic-ecg']) },
  { name: 'EMG 1 kHz, aliased + modulated mains', spec: emg(1000, ['aliased-mains', 'modulated-mains']) },
  { name: 'EMG 2 kHz, noise 40-80 µV, twitches 20-500 µV', spec: emg(2000, [], { noise: [40, 80], twitchUv: [20, 500] }) },
  { name: 'Accel 100 Hz, phone in pocket (knocks, fidgets)', spec: (seed) => pocketScenario({ fs: 100, seed, durationS: ACCEL_DURATION_S }) },
  { name: 'Accel 400 Hz, phone in pocket (knocks, fidgets)', spec: (seed) => pocketScenario({ fs: 400, seed, durationS: ACCEL_DURATION_S }) },
];

interface Row {
  name: string;
  precision: number;
  recall: number;
  f1: number;
  f1Min: number;
  f1Max: number;
  falsePerHour: number;
  crampF1: number;
  onsetS: number;
  offsetS: number;
  walking: number;
  scored: number;
  /** Per channel: (detected rest - true rest) / true rest. */
  restErrors: number[];
  spans: number;
  spansRight: number;
  confusion: Map<string, Map<string, number>>;
  channels: number;
  withoutRate: number;
  /** Recall over the channels that give a rate, pooled, and their worst channel's: what a rate rests on. */
  ratedRecall: number;
  ratedWorst: number;
}

function median(v: number[]): number {
  if (v.length === 0) return Number.NaN;
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function evaluate(c: Condition): Row {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let channelHours = 0;
  const seedF1: number[] = [];
  const seg = { tp: 0, fp: 0, fn: 0, on: [] as number[], off: [] as number[] };
  let walking = 0;
  const restErrors: number[] = [];
  const classes = { spans: 0, right: 0, confusion: new Map<string, Map<string, number>>() };
  let channels = 0;
  let withoutRate = 0;
  const rated = { tp: 0, fn: 0, worst: Number.NaN };
  for (const seed of SEEDS) {
    const { recording, truth } = simulate(c.spec(seed));
    const analysis = analyseRecording(recording);
    const events: DetectedEvent[] = analysis.events;
    const t: TruthEvent[] = truth.events;
    const s = scoreTwitches(t, events, 0.05, 6);
    tp += s.truePositives;
    fp += s.falsePositives;
    fn += s.falseNegatives;
    seedF1.push(f1(s.truePositives, s.falsePositives, s.falseNegatives).f1);
    channelHours += (analysis.channels.length * truth.durationS) / 3600;
    const g = scoreSegments(t, events);
    seg.tp += g.truePositives;
    seg.fp += g.falsePositives;
    seg.fn += g.falseNegatives;
    seg.on.push(...g.onsetErrorsS);
    seg.off.push(...g.offsetErrorsS);
    walking += twitchesDuringMovement(t, events);
    for (const ch of analysis.summary.channels) {
      const restTruth = truthRestS(t, ch.channel, truth.durationS);
      if (restTruth > 0) restErrors.push((ch.restS - restTruth) / restTruth);
      channels++;
      if (ch.twitchesPerMinute == null) {
        withoutRate++;
        continue;
      }
      const own = scoreTwitches(t.filter((e) => e.channel === ch.channel), events.filter((e) => e.channel === ch.channel), 0.05, 6);
      rated.tp += own.truePositives;
      rated.fn += own.falseNegatives;
      const scoredHere = own.truePositives + own.falseNegatives;
      if (scoredHere > 0) rated.worst = Math.min(Number.isNaN(rated.worst) ? 1 : rated.worst, own.truePositives / scoredHere);
    }
    const k = scoreSpanClasses(t, events);
    classes.spans += k.spans;
    classes.right += k.right;
    for (const [want, row] of k.confusion) {
      const into = classes.confusion.get(want) ?? new Map<string, number>();
      for (const [got, n] of row) into.set(got, (into.get(got) ?? 0) + n);
      classes.confusion.set(want, into);
    }
  }
  const m = f1(tp, fp, fn);
  return {
    name: c.name,
    // No twitch listed at all (every channel cannot tell and lists none): precision has nothing to judge.
    precision: tp + fp > 0 ? m.precision : Number.NaN,
    ratedRecall: rated.tp + rated.fn > 0 ? rated.tp / (rated.tp + rated.fn) : Number.NaN,
    ratedWorst: rated.worst,
    recall: m.recall,
    f1: m.f1,
    f1Min: Math.min(...seedF1),
    f1Max: Math.max(...seedF1),
    falsePerHour: fp / channelHours,
    crampF1: f1(seg.tp, seg.fp, seg.fn).f1,
    onsetS: median(seg.on),
    offsetS: median(seg.off),
    walking,
    scored: tp + fn,
    restErrors,
    spans: classes.spans,
    spansRight: classes.right,
    confusion: classes.confusion,
    channels,
    withoutRate,
  };
}

const percent = (v: number): string => `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(1)}%`;

/** Median and largest rest-time error by size, signed. */
function restError(errors: number[]): string {
  if (errors.length === 0) return 'n/a';
  const worst = errors.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a));
  return `${percent(median(errors))} (${percent(worst)})`;
}

function confusionText(rows: Row[]): string[] {
  const out: string[] = [];
  for (const r of rows) {
    const parts: string[] = [];
    for (const [want, row] of r.confusion) parts.push(`${want} → ${[...row].map(([got, n]) => `${got} ${n}`).join(', ')}`);
    if (parts.length > 0) out.push(`- ${r.name}: ${parts.join('; ')}`);
  }
  return out;
}

const fmt = (v: number, d = 3): string => (Number.isFinite(v) ? v.toFixed(d) : 'n/a');

/** `--only TEXT` runs the conditions whose name contains TEXT (repeatable). */
function chosen(): Condition[] {
  const only: string[] = [];
  process.argv.forEach((a, i) => {
    if (a === '--only' && process.argv[i + 1]) only.push(process.argv[i + 1].toLowerCase());
  });
  return only.length === 0 ? CONDITIONS : CONDITIONS.filter((c) => only.some((o) => c.name.toLowerCase().includes(o)));
}

function main(): void {
  const started = performance.now();
  const rows = chosen().map((c) => {
    const r = evaluate(c);
    process.stderr.write(`  ${c.name}: F1 ${fmt(r.f1)}\n`);
    return r;
  });
  const lines = [
    `Twitch: hit = detected peak within ±50 ms of a true peak; true twitches below SNR 6 not scored. ${SEEDS.length} seed(s) per condition; EMG ${EMG_CHANNELS} channels x ${EMG_DURATION_S / 60} min, accelerometer ${ACCEL_DURATION_S / 60} min per seed.`,
    '',
    '| condition | scored twitches | precision | recall | F1 | F1 min–max over seeds | false twitches / channel-hour | cramp F1 | median onset error (s) | median offset error (s) | twitches during true movement | rest-time error, median (worst) | spans classed right | channels without a rate | recall where a rate is given (worst channel) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.scored} | ${fmt(r.precision)} | ${fmt(r.recall)} | ${fmt(r.f1)} | ${fmt(r.f1Min)}–${fmt(r.f1Max)} | ${fmt(r.falsePerHour, 1)} | ${fmt(r.crampF1, 2)} | ${fmt(r.onsetS, 2)} | ${fmt(r.offsetS, 2)} | ${r.name.startsWith('Accel') ? r.walking : '–'} | ${restError(r.restErrors)} | ${r.spans > 0 ? `${r.spansRight}/${r.spans}` : '–'} | ${r.withoutRate}/${r.channels} | ${fmt(r.ratedRecall)} (${fmt(r.ratedWorst)}) |`,
    ),
    '',
    'How true sustained and activity spans were classed (true class → class covering most of the span, count):',
    '',
    ...confusionText(rows),
    '',
    `Suite time: ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  ];
  console.log(lines.join('\n'));
}

main();
