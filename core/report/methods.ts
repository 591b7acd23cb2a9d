/** Methods and parameters: what software ran with which settings, and where each method comes from. */
import type { Analysis } from '../analysis/types';
import { formatNumber } from '../guidance/numbers';
import { esc, section } from './html';

/** Works a method may cite; listed when the analysis parameters name them, Garwood always (rate intervals). */
const REFERENCES: ReadonlyArray<{ key: string; text: string }> = [
  { key: 'Hermens', text: 'Hermens HJ et al. Development of recommendations for SEMG sensors and sensor placement procedures (SENIAM). J Electromyogr Kinesiol 2000;10:361–374.' },
  { key: 'Hampel', text: 'Hampel FR. The influence curve and its role in robust estimation. J Am Stat Assoc 1974;69:383–393.' },
  { key: 'Bashford', text: 'Bashford J et al. SPiQE: an automated analytical tool for detecting and characterising fasciculations in ALS. Clin Neurophysiol 2019;130:1083–1090.' },
  { key: 'Bonato', text: 'Bonato P, D\'Alessio T, Knaflitz M. A statistical method for the measurement of muscle activation intervals from surface myoelectric signal during gait. IEEE Trans Biomed Eng 1998;45:287–299.' },
  { key: 'Hodges', text: 'Hodges PW, Bui BH. A comparison of computer-based methods for the determination of onset of muscle contraction using electromyography. Electroencephalogr Clin Neurophysiol 1996;101:511–519.' },
  { key: 'Kleine', text: 'Kleine BU et al. Fasciculations and their F-response revisited: high-density surface EMG in ALS and benign fasciculations. Clin Neurophysiol 2012;123:399–405.' },
  { key: 'Minetto', text: 'Minetto MA et al. Discharge properties of motor units of the abductor hallucis muscle during cramp contractions. J Neurophysiol 2009;102:1890–1901.' },
  { key: 'Mewett', text: 'Mewett DT, Reynolds KJ, Nazeran H. Reducing power line interference in digitised electromyogram recordings by spectrum interpolation. Med Biol Eng Comput 2004;42:524–531.' },
  { key: 'Garwood', text: 'Garwood F. Fiducial limits for the Poisson distribution. Biometrika 1936;28:437–442.' },
];

type Group = Record<string, unknown>;

const num = (g: Group | undefined, k: string): number | undefined => (g && typeof g[k] === 'number' ? (g[k] as number) : undefined);

function settings(g: Group | undefined, describe: Array<[string, (g: Group) => string | null]>): string[] {
  if (!g) return [];
  return describe.map(([, f]) => f(g)).filter((s): s is string => s !== null);
}

const f = formatNumber;

const EMG_SETTINGS: Array<[string, (g: Group) => string | null]> = [
  ['band', (g) => (num(g, 'bandLowHz') !== undefined && num(g, 'bandHighHz') !== undefined ? `band-pass ${f(num(g, 'bandLowHz')!)}–${f(num(g, 'bandHighHz')!)} Hz, Butterworth order ${f(num(g, 'filterOrder') ?? 4)}, zero phase` : null)],
  ['notch', (g) => (num(g, 'notchQ') !== undefined ? `mains notch Q ${f(num(g, 'notchQ')!)} at the detected mains frequency and harmonics` : null)],
  ['k', (g) => (num(g, 'twitchK') !== undefined ? `twitch threshold ${f(num(g, 'twitchK')!)} × robust noise σ (median|x|/0.6745)` : null)],
  ['snr', (g) => (num(g, 'minSnr') !== undefined ? `minimum peak ${f(num(g, 'minSnr')!)} × local noise` : null)],
  ['width', (g) => (num(g, 'maxPotentialMs') !== undefined ? `potential width ≤ ${f(num(g, 'maxPotentialMs')!)} ms` : null)],
  ['multiplet', (g) => (num(g, 'multipletGapMs') !== undefined ? `potentials within ${f(num(g, 'multipletGapMs')!)} ms form one twitch` : null)],
  ['isolation', (g) => (num(g, 'isolationMs') !== undefined ? `no twitch within ${f(num(g, 'isolationMs')!)} ms of sustained activity or artifacts` : null)],
  ['sustained', (g) => (num(g, 'sustainedMinS') !== undefined ? `sustained: ${f(num(g, 'sustainedBinK') ?? 3)} σ activity in ≥ ${f((num(g, 'sustainedOn') ?? 0.6) * 100)}% of ${f(num(g, 'sustainedBinMs') ?? 25)} ms bins for ≥ ${f(num(g, 'sustainedMinS')!)} s` : null)],
];

const ACCEL_SETTINGS: Array<[string, (g: Group) => string | null]> = [
  ['band', (g) => (num(g, 'bandLowHz') !== undefined && num(g, 'bandHighHz') !== undefined ? `band-pass ${f(num(g, 'bandLowHz')!)}–${f(num(g, 'bandHighHz')!)} Hz per axis, vector norm` : null)],
  ['k', (g) => (num(g, 'twitchK') !== undefined ? `transient threshold ${f(num(g, 'twitchK')!)} × robust σ` : null)],
  ['move', (g) => (num(g, 'moveOnG') !== undefined ? `movement above ${f(num(g, 'moveOnG')! * 1000)} mg (1 s RMS, ${f(num(g, 'moveLowHz') ?? 0.5)}–${f(num(g, 'moveHighHz') ?? 5)} Hz) is excluded` : null)],
  ['sustained', (g) => (num(g, 'sustainedMinS') !== undefined ? `prolonged activity ≥ ${f(num(g, 'sustainedMinS')!)} s` : null)],
];

export function methodsSection(analysis: Analysis, software: { name: string; version: string }): string {
  const p = analysis.parameters;
  const emg = typeof p.emg === 'object' && p.emg !== null ? (p.emg as Group) : undefined;
  const accel = typeof p.accel === 'object' && p.accel !== null ? (p.accel as Group) : undefined;
  const hasEmg = analysis.channels.some((c) => c.kind === 'emg');
  const hasAccel = analysis.channels.some((c) => c.kind === 'accel');
  const lines: string[] = [];
  lines.push(`<li><b>Software:</b> ${esc(software.name)} ${esc(software.version)}${typeof p.sensitivity === 'number' ? `, sensitivity ${f(p.sensitivity)} (0–1, 0.5 = defaults)` : ''}.</li>`);
  const emgSettings = settings(emg, EMG_SETTINGS);
  if (hasEmg && emgSettings.length) lines.push(`<li><b>EMG:</b> ${esc(emgSettings.join('; '))}.</li>`);
  const accSettings = settings(accel, ACCEL_SETTINGS);
  if (hasAccel && accSettings.length) lines.push(`<li><b>Accelerometer:</b> ${esc(accSettings.join('; '))}.</li>`);
  if (!emg && !accel) {
    const flat = Object.entries(p)
      .filter(([, v]) => typeof v === 'number')
      .map(([k, v]) => `${k} = ${f(v as number)}`);
    lines.push(`<li><b>Parameters:</b> ${flat.length ? esc(flat.join(', ')) : 'defaults'}.</li>`);
  }
  lines.push(
    '<li><b>Rates:</b> twitches ÷ minutes of usable rest (analysed time minus sustained activity, artifacts, movement and gaps); 95% intervals are exact Poisson (Garwood).</li>',
  );
  lines.push('<li><b>Waveforms:</b> shown band-passed (zero-phase Butterworth order 4) in the detection band, with the mains notches detection applied; accelerometer snippets show the axis with the largest response.</li>');
  const cited = JSON.stringify(p);
  const refs = REFERENCES.filter((r) => r.key === 'Garwood' || cited.includes(r.key));
  return section(
    'methods',
    'Methods and parameters',
    `<ul class="methods">${lines.join('')}</ul><ol class="refs">${refs.map((r) => `<li>${esc(r.text)}</li>`).join('')}</ol>`,
  );
}
