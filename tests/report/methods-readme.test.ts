/**
 * The README's detection section and the report's Methods (with its limits) claim the same things, with the
 * numbers the detector really uses (core/detect/params.ts), and neither claims what the sources do not say.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCEL_DEFAULTS, EMG_DEFAULTS } from '../../core/detect/params';
import { buildReportHtml } from '../../core/report';
import { calfSession } from './simulated';

const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');
const detection = readme.slice(readme.indexOf('## How detection works'), readme.indexOf('## Speed and memory')).replace(/\s+/g, ' ');

const html = buildReportHtml({ ...calfSession(), answers: {}, software: { name: 'TwitchScope', version: '0' }, generatedAt: '2026-01-01T00:00:00Z' });
const textOf = (part: string) => part.replace(/<[^>]+>/g, ' ').replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))).replace(/\s+/g, ' ');
const methods = textOf(html.match(/<section id="methods">[\s\S]*?<\/section>/)![0]);
const limits = textOf(html.match(/<section id="limits">[\s\S]*?<\/section>/)![0]);
const report = `${limits} ${methods}`;

const e = (k: keyof typeof EMG_DEFAULTS) => EMG_DEFAULTS[k].value;
const a = (k: keyof typeof ACCEL_DEFAULTS) => ACCEL_DEFAULTS[k].value;

/** Each claim: how the README says it, how the report says it. */
const CLAIMS: Array<[string, RegExp, RegExp]> = [
  ['EMG band', new RegExp(`band-pass ${e('bandLowHz')}–${e('bandHighHz')} Hz \\(SENIAM\\)`), new RegExp(`EMG 2000 Hz ${e('bandLowHz')}–${e('bandHighHz')} Hz .*SENIAM`)],
  ['event threshold and release', new RegExp(`start at ${e('twitchK')} robust sigma, end below ${e('releaseK')}`), new RegExp(`event threshold ${e('twitchK')} × robust noise σ .* ending below ${e('releaseK')} σ`)],
  ['multiplets', new RegExp(`potentials within ${e('multipletGapMs')} ms count as one event`), new RegExp(`potentials within ${e('multipletGapMs')} ms count as one event`)],
  ['sustained', /active over ≥ 1 s/, new RegExp(`for ≥ ${e('sustainedMinS')} s`)],
  ['muscle use', new RegExp(`a class firing ${e('unitMinHz')}–${e('unitMaxHz')} Hz with a median CV2 of its intervals at most ${e('unitMaxCv2')}`), new RegExp(`muscle use: a unit firing regularly at ${e('unitMinHz')}–${e('unitMaxHz')} Hz \\(median CV2 ≤ ${e('unitMaxCv2')}\\) or bursts at ${e('tremorLowHz')}–${e('tremorHighHz')} Hz`)],
  ['after activity and crosstalk', new RegExp(`for ${e('activityTailS')} s after a channel's own activity ends, candidates are derecruiting units, not twitches.*another EMG channel at the same site`), new RegExp(`no event within ${e('activityTailS')} s after activity ends, nor while another EMG channel at the same site is active \\(crosstalk\\)`)],
  ['rest is not confirmed relaxation', /does not confirm that the muscle was relaxed/, /not confirmed relaxation/],
  ['interval', /exact Poisson \(Garwood\), widened by the dispersion of the counts in 30 s stretches of rest/, /exact Poisson \(Garwood\), widened by the dispersion index of the counts in 30 s stretches of rest/],
  ['grid studies', /high-density grid studies .* their figures do not validate this tool/, /high-density electrode grids .* do not validate this tool/],
  ['validation', /tuned and measured on simulated recordings only/, /tuned and measured on simulated recordings, not validated against expert-annotated clinical recordings/],
  ['surface EMG cannot tell', /cannot tell fasciculation potentials from voluntary motor-unit firing, myokymic, neuromyotonic or cramp discharges, or artifacts/, /cannot tell fasciculation potentials from voluntary motor-unit firing, myokymic, neuromyotonic or cramp discharges, or artifacts/],
  ['needle EMG', /does not replace needle EMG/, /does not replace needle EMG/],
  ['accelerometer band', new RegExp(`${a('bandLowHz')}–${a('bandHighHz')} Hz band-pass`), new RegExp(`accelerometer 100 Hz ${a('bandLowHz')}–${a('bandHighHz')} Hz, per axis`)],
  ['accelerometer events', /not motor-unit twitches/, /not motor-unit twitches/],
];

describe('README detection section and report Methods agree', () => {
  it.each(CLAIMS)('%s: both say it', (_, inReadme, inReport) => {
    expect(detection).toMatch(inReadme);
    expect(report).toMatch(inReport);
  });

  it('neither applies Bonato to an envelope nor calls Kleine\'s pairs doublets', () => {
    for (const text of [detection, report]) {
      expect(text).not.toMatch(/Bonato-style|double threshold \(Bonato/);
      expect(text).not.toMatch(/doublet or multiplet \(Kleine/);
    }
    expect(EMG_DEFAULTS.releaseK.source).toMatch(/Bonato et al\. 1998 use a double threshold on the raw signal, not an envelope/);
    expect(EMG_DEFAULTS.multipletGapMs.source).toMatch(/fasciculation and its F-wave/);
  });
});
