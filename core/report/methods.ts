/**
 * Methods and parameters: the processing each channel actually had, the detection settings, how rates and
 * intervals are computed, and the works the methods used for this recording cite (EMG works only when there
 * is EMG, and so on).
 */
import type { Analysis } from '../analysis/types';
import { formatHz, formatNumber } from '../format';
import { esc, section, table } from './html';
import { bandText, type ChannelProcessing } from './processing';

/** Works a method may cite; listed when the settings of a sensor in this recording name them. */
const REFERENCES: ReadonlyArray<{ key: string; text: string }> = [
  { key: 'Hermens', text: 'Hermens HJ et al. Development of recommendations for SEMG sensors and sensor placement procedures (SENIAM). J Electromyogr Kinesiol 2000;10:361–374.' },
  { key: 'Hampel', text: 'Hampel FR. The influence curve and its role in robust estimation. J Am Stat Assoc 1974;69:383–393.' },
  { key: 'Bashford', text: 'Bashford J et al. SPiQE: an automated analytical tool for detecting and characterising fasciculations in ALS. Clin Neurophysiol 2019;130:1083–1090.' },
  { key: 'Bonato', text: 'Bonato P, D\'Alessio T, Knaflitz M. A statistical method for the measurement of muscle activation intervals from surface myoelectric signal during gait. IEEE Trans Biomed Eng 1998;45:287–299.' },
  { key: 'Hodges', text: 'Hodges PW, Bui BH. A comparison of computer-based methods for the determination of onset of muscle contraction using electromyography. Electroencephalogr Clin Neurophysiol 1996;101:511–519.' },
  { key: 'Kleine', text: 'Kleine BU et al. Fasciculations and their F-response revisited: high-density surface EMG in ALS and benign fasciculations. Clin Neurophysiol 2012;123:399–405.' },
  { key: 'Minetto', text: 'Minetto MA et al. Discharge properties of motor units of the abductor hallucis muscle during cramp contractions. J Neurophysiol 2009;102:1890–1901.' },
  { key: 'Mewett', text: 'Mewett DT, Reynolds KJ, Nazeran H. Reducing power line interference in digitised electromyogram recordings by spectrum interpolation. Med Biol Eng Comput 2004;42:524–531.' },
];

/** Cited for every rate interval. */
const INTERVAL_REFERENCES = [
  'Garwood F. Fiducial limits for the Poisson distribution. Biometrika 1936;28:437–442.',
  'McCullagh P, Nelder JA. Generalized Linear Models. 2nd ed. London: Chapman & Hall; 1989.',
];

/** High-density grid studies: cited for a design choice, never as evidence of this tool's accuracy. */
const GRID_STUDIES = ['Bashford', 'Kleine'];

type Group = Record<string, unknown>;

const num = (g: Group | undefined, k: string): number | undefined => (g && typeof g[k] === 'number' ? (g[k] as number) : undefined);
const f = formatNumber;

const EMG_SETTINGS: Array<(g: Group) => string | null> = [
  (g) => (num(g, 'filterOrder') !== undefined ? `Butterworth order ${f(num(g, 'filterOrder')!)}, zero phase` : null),
  (g) => (num(g, 'twitchK') !== undefined ? `event threshold ${f(num(g, 'twitchK')!)} × robust noise σ (median|x|/0.6745) on a short RMS envelope, ending below ${f(num(g, 'releaseK') ?? 2.5)} σ` : null),
  (g) => (num(g, 'minSnr') !== undefined ? `minimum peak ${f(num(g, 'minSnr')!)} × local noise` : null),
  (g) => (num(g, 'maxPotentialMs') !== undefined ? `potential width ≤ ${f(num(g, 'maxPotentialMs')!)} ms` : null),
  (g) => (num(g, 'multipletGapMs') !== undefined ? `potentials within ${f(num(g, 'multipletGapMs')!)} ms count as one event (a multiplet)` : null),
  (g) => (num(g, 'isolationMs') !== undefined ? `no event within ${f(num(g, 'isolationMs')!)} ms of sustained activity or artifacts` : null),
  (g) =>
    num(g, 'unitMinHz') !== undefined
      ? `muscle use: a unit firing regularly at ${f(num(g, 'unitMinHz')!)}–${f(num(g, 'unitMaxHz') ?? 30)} Hz (median CV2 ≤ ${f(num(g, 'unitMaxCv2') ?? 0.5)}) or bursts at ${f(num(g, 'tremorLowHz') ?? 3)}–${f(num(g, 'tremorHighHz') ?? 12)} Hz make an activity span, left out of rest`
      : null,
  (g) =>
    num(g, 'activityTailS') !== undefined
      ? `no event within ${f(num(g, 'activityTailS')!)} s after activity ends, nor while another EMG channel at the same site is active (crosstalk)`
      : null,
  (g) => (num(g, 'sustainedMinS') !== undefined ? `sustained: ${f(num(g, 'sustainedBinK') ?? 3)} σ activity in ≥ ${f((num(g, 'sustainedOn') ?? 0.6) * 100)}% of ${f(num(g, 'sustainedBinMs') ?? 25)} ms bins for ≥ ${f(num(g, 'sustainedMinS')!)} s` : null),
];

const ACCEL_SETTINGS: Array<(g: Group) => string | null> = [
  (g) => (num(g, 'twitchK') !== undefined ? `transient threshold ${f(num(g, 'twitchK')!)} × robust σ of the band-passed vector norm` : null),
  (g) => (num(g, 'moveOnG') !== undefined ? `movement above ${f(num(g, 'moveOnG')! * 1000)} mg (1 s RMS, ${f(num(g, 'moveLowHz') ?? 0.5)}–${f(num(g, 'moveHighHz') ?? 5)} Hz) is left out` : null),
  (g) => (num(g, 'sustainedMinS') !== undefined ? `prolonged activity ≥ ${f(num(g, 'sustainedMinS')!)} s` : null),
];

function settings(g: Group | undefined, describe: Array<(g: Group) => string | null>): string[] {
  return g ? describe.map((d) => d(g)).filter((s): s is string => s !== null) : [];
}

/** One row per distinct processing, naming its channels: a 16-channel device stays a few rows. */
function processingTable(processing: readonly ChannelProcessing[]): string {
  const rows = new Map<string, { labels: string[]; cells: string[] }>();
  for (const p of processing) {
    const emg = p.channel.kind === 'emg';
    const cells = [
      emg ? 'EMG' : 'accelerometer',
      formatHz(p.channel.sampleRateHz),
      `${bandText(p)}${p.band && p.band[1] < p.wantedHighHz ? ` (of ${f(p.wantedHighHz)})` : ''}${emg ? '' : ', per axis'}`,
      emg ? (p.mainsHz ? `${p.mainsHz} Hz (+ harmonics found)` : 'none found') : 'n/a',
      emg ? (p.heartbeats > 0 ? `${p.heartbeats} beats subtracted` : 'none found') : 'n/a',
    ];
    const key = cells.join('|');
    const row = rows.get(key) ?? { labels: [], cells };
    row.labels.push(p.channel.label);
    rows.set(key, row);
  }
  const body = [...rows.values()].map((r) => [esc(r.labels.length > 4 ? `${r.labels.slice(0, 2).join(', ')} and ${r.labels.length - 2} more` : r.labels.join(', ')), ...r.cells.map(esc)]);
  return table(['Channels', 'Kind', 'Sampled', 'Band-pass applied', 'Mains notch', 'Heartbeat'], body, new Set([2]));
}

export function methodsSection(analysis: Analysis, processing: readonly ChannelProcessing[], software: { name: string; version: string }): string {
  const p = analysis.parameters;
  const group = (k: string): Group | undefined => (typeof p[k] === 'object' && p[k] !== null ? (p[k] as Group) : undefined);
  const hasEmg = analysis.channels.some((c) => c.kind === 'emg');
  const hasAccel = analysis.channels.some((c) => c.kind === 'accel');
  const lines: string[] = [];
  lines.push(`<li><b>Software:</b> ${esc(software.name)} ${esc(software.version)}${typeof p.sensitivity === 'number' ? `, sensitivity ${f(p.sensitivity)} (0–1, 0.5 = defaults)` : ''}.</li>`);
  const emgSettings = settings(group('emg'), EMG_SETTINGS);
  if (hasEmg && emgSettings.length) lines.push(`<li><b>EMG detection:</b> ${esc(emgSettings.join('; '))}.</li>`);
  const accSettings = settings(group('accel'), ACCEL_SETTINGS);
  if (hasAccel && accSettings.length) lines.push(`<li><b>Accelerometer detection:</b> ${esc(accSettings.join('; '))}.</li>`);
  if (!group('emg') && !group('accel')) {
    const flat = Object.entries(p)
      .filter(([, v]) => typeof v === 'number')
      .map(([k, v]) => `${k} = ${f(v as number)}`);
    lines.push(`<li><b>Parameters:</b> ${flat.length ? esc(flat.join(', ')) : 'defaults'}.</li>`);
  }
  lines.push(
    '<li><b>Rates:</b> events ÷ minutes of rest, the analysed time left after sustained activity, muscle use, artifacts, movement and gaps (not confirmed relaxation). 95% intervals: exact Poisson (Garwood), widened by the dispersion index of the counts in 30 s stretches of rest when events cluster (quasi-Poisson); with fewer than 4 stretches they assume independent events.</li>',
  );
  const waveforms = [hasEmg ? 'EMG snippets band-passed as in the table, with the mains notches detection applied' : '', hasAccel ? 'accelerometer snippets band-passed as in the table, on the axis with the largest response' : ''];
  lines.push(`<li><b>Waveforms:</b> ${waveforms.filter(Boolean).join('; ')}.</li>`);
  const refs = citedReferences(analysis, hasEmg, hasAccel);
  const grid = refs.some((r) => GRID_STUDIES.includes(r.key))
    ? '<p class="muted">Bashford et al. and Kleine et al. studied high-density electrode grids in clinical settings; their figures informed design choices and do not validate this tool.</p>'
    : '';
  return section(
    'methods',
    'Methods and parameters',
    [
      processing.length ? processingTable(processing) : '',
      `<ul class="methods">${lines.join('')}</ul>`,
      grid,
      `<ol class="refs">${[...refs.map((r) => r.text), ...INTERVAL_REFERENCES].map((t) => `<li>${esc(t)}</li>`).join('')}</ol>`,
    ].join(''),
  );
}

/** The works the sources of the settings in use name: EMG settings only with EMG, accelerometer ones only with an accelerometer. */
function citedReferences(analysis: Analysis, hasEmg: boolean, hasAccel: boolean): typeof REFERENCES {
  const sources = analysis.parameters.sources;
  const used = typeof sources === 'object' && sources !== null ? Object.entries(sources as Record<string, unknown>) : [];
  const text = used
    .filter(([k]) => (k.startsWith('emg.') && hasEmg) || (k.startsWith('accel.') && hasAccel) || k === 'sensitivity')
    .map(([, v]) => String(v))
    .join(' ');
  return REFERENCES.filter((r) => text.includes(r.key));
}
