/**
 * What a neuromuscular clinician asked of the report (issue 20) and the report parts of issue 16, on the
 * HTML: the limits of the method, names that do not overclaim, caveats on page one, review status and
 * agreement, warning signs, recording context, per-channel methods and no dead channels in the tables.
 * The printed PDFs are checked in pdf.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../core/analysis/types';
import { buildReportHtml, type ReportInput } from '../../core/report';
import { SURFACE_EMG_LIMITS, VALIDATION_LIMIT } from '../../core/report/limits-section';
import { applyReview } from '../../core/review/apply';
import { addEvent, setReview, type ReviewEdit } from '../../core/review/edits';
import { makeAnalysis } from '../guidance/make-analysis';
import { calfSession, simulateRecording } from './simulated';

const software = { name: 'TwitchScope', version: '0.1.0' };
const calf = calfSession();
const base: ReportInput = { ...calf, answers: {}, software, generatedAt: '2026-03-15T08:12:00Z' };

function textOf(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/\s+/g, ' ');
}
const sectionText = (html: string, id: string) => textOf(html.match(new RegExp(`<section id="${id}">[\\s\\S]*?</section>`))?.[0] ?? '');
const keyText = (html: string) => textOf(html.match(/<ol class="key"[\s\S]*?<\/ol>/)?.[0] ?? '');

/** A recording with accelerometers only, as the wrist sample. */
function accelOnly(): ReportInput {
  const sim = simulateRecording({ file: 'wrist.csv', durationS: 600, seed: 3, emg: [], acc: [{ id: 'acc1', label: 'wrist acc', site: 'right forearm', twitchesPerMinute: 2 }] });
  return { ...base, ...sim };
}

/** 200 Hz EMG, two channels live and six flat or railed for the whole recording. */
function openbci200(): ReportInput {
  const sim = simulateRecording({
    file: 'openbci-200hz.csv',
    durationS: 300,
    emgRateHz: 200,
    seed: 5,
    emg: [
      { id: 'emg1', label: 'EXG Channel 0', site: 'left calf', twitchesPerMinute: 18 },
      { id: 'emg2', label: 'EXG Channel 1', site: 'right calf', twitchesPerMinute: 4 },
    ],
  });
  const a = sim.analysis;
  for (let k = 2; k < 8; k++) {
    const id = `emg${k + 1}`;
    sim.recording.channels.push({ id, label: `EXG Channel ${k}`, kind: 'emg', unit: 'uV', sampleRateHz: 200, startS: 0, data: new Float32Array(60_000) });
    a.channels.push({ id, label: `EXG Channel ${k}`, kind: 'emg', unit: 'uV', sampleRateHz: 200, site: null });
    a.summary.channels.push({ channel: id, site: null, analyzedS: 300, restS: 0, twitchCount: 0, twitchesPerMinute: 0, sustainedCount: 0, sustainedS: 0, noiseFloor: 0, mainsHz: null, excludedS: 300, notes: ['Only 0 s of quiet rest: the twitch rate is a rough figure.'] });
    a.events.push({ channel: id, type: 'artifact', startS: 0, endS: 300, peakS: 0, amplitude: 0, snr: 0, reason: k < 5 ? 'flat' : 'clipping' });
  }
  a.channels.forEach((c) => (c.sampleRateHz = 200));
  return { ...base, ...sim, analysis: a };
}

describe('what the method cannot tell (issue 20 point 3)', () => {
  it('every EMG report states the surface-EMG limits and the validation caveat once, before the numbers', () => {
    for (const input of [base, openbci200()]) {
      const html = buildReportHtml(input);
      const limits = sectionText(html, 'limits');
      for (const l of SURFACE_EMG_LIMITS) expect(limits).toContain(l);
      expect(limits).toContain(VALIDATION_LIMIT);
      expect(textOf(html).split(VALIDATION_LIMIT)).toHaveLength(2);
      expect(html.indexOf('id="limits"')).toBeLessThan(html.indexOf('id="rates"'));
      expect(limits).toMatch(/fibrillation potentials/);
      expect(limits).toMatch(/does not replace needle EMG/);
      expect(limits).toMatch(/nobody confirmed the muscle was relaxed/);
    }
  });

  it('calls the events twitch-like events wherever the clinician reads, never plain "Twitch"', () => {
    const html = buildReportHtml(base);
    expect(sectionText(html, 'rates')).toMatch(/^ Twitch-like events per minute of rest, by site/);
    expect(sectionText(html, 'snippets')).not.toMatch(/\bTwitch\b(?!-like)/);
    expect(html).toContain('>twitch-like event</text>');
  });
});

describe('sustained activity is not called a cramp (point 4)', () => {
  it('the table and key findings say the signal cannot tell a cramp from muscle use; muscle use is listed by pattern', () => {
    const withUse: Analysis = { ...calf.analysis, events: [...calf.analysis.events, { channel: 'emg2', type: 'activity', startS: 30, endS: 42, peakS: 31, amplitude: 90, snr: 20, rms: 30, pattern: 'tremor', rhythmHz: 6 }] };
    const html = buildReportHtml({ ...base, analysis: withUse });
    expect(textOf(html)).not.toMatch(/cramp-like/i);
    expect(sectionText(html, 'sustained')).toContain('The signal cannot tell whether sustained activity was a cramp or ordinary use of the muscle.');
    expect(sectionText(html, 'sustained')).toContain('muscle use: tremor 6 Hz');
    expect(keyText(html)).toContain('1 span of muscle use (tremor), left out of rest.');
  });
});

describe('an accelerometer-only report (point 5)', () => {
  const html = buildReportHtml(accelOnly());
  const text = textOf(html);

  it('names brief movements, never motor-unit twitches or twitch-like events', () => {
    expect(keyText(html)).toMatch(/^ \d+ brief movements in \S+ \S+ over .* of rest: [\d.]+\/min \(95% interval/);
    expect(text).not.toMatch(/twitch-like event/i);
    expect(text).not.toMatch(/like those a twitching motor unit/i);
    expect(text).toContain('they are not motor-unit twitches');
  });

  it('lists no EMG methods, limits or references', () => {
    expect(text).not.toMatch(/EMG detection|Surface EMG|surface electrode|needle EMG|SENIAM|Hermens|Bashford|Kleine|Bonato|Hodges|Minetto|Mewett/);
    expect(sectionText(html, 'methods')).toContain('Accelerometer detection:');
    expect(sectionText(html, 'methods')).toContain('Garwood F.');
    expect(text).not.toMatch(/1-3 mg|1–3 mg/);
  });
});

describe('rates with the limits of what was measured (point 10)', () => {
  it('rest is said to be the time the program kept; intervals say how they allow for clustering', () => {
    const rates = sectionText(buildReportHtml(base), 'rates');
    expect(rates).toContain('it does not confirm the muscle was relaxed');
    expect(rates).toMatch(/Dispersion: how much more the counts in 30 s stretches of rest vary than independent events would/);
    expect(rates).toMatch(/left calf 1 [\d.]+ \d+ [\d.]+ [\d.]+–[\d.]+ \d\.\d \d/);
  });

  it('heartbeats set aside are not drawn as events on the timeline, and the timeline says so', () => {
    const a = makeAnalysis([{ id: 'b', site: 'back', restS: 300, twitches: 6 }]);
    for (let i = 0; i < 108; i++) a.events.push({ channel: 'b', type: 'artifact', startS: 2 + i * 0.8, endS: 2.06 + i * 0.8, peakS: 2.03 + i * 0.8, amplitude: 0, snr: 0, reason: 'ecg' });
    a.events.push({ channel: 'b', type: 'artifact', startS: 200, endS: 203, peakS: 200, amplitude: 0, snr: 0, reason: 'motion' });
    const html = buildReportHtml({ ...base, analysis: a });
    const timeline = html.match(/<section id="timeline">[\s\S]*?<\/section>/)![0];
    expect(timeline.match(/url\(#tl-dots\)/g)).toHaveLength(2); // the motion artifact and the legend
    expect(textOf(timeline)).toContain('Heartbeats picked up by the electrodes were set aside and are not drawn: 108 on back.');
  });

  it('prints the recording context the person entered, and names what was not entered', () => {
    const html = buildReportHtml({
      ...base,
      context: { placement: 'bipolar, 2 cm apart along the fibres', muscle: 'left medial gastrocnemius', posture: 'lying prone', symptomDuration: 'about 3 months', weakness: '' },
    });
    const header = textOf(html.match(/<header>[\s\S]*?<\/header>/)![0]);
    expect(header).toContain('Electrode placement bipolar, 2 cm apart along the fibres');
    expect(header).toContain('Muscle left medial gastrocnemius');
    expect(header).toContain('Posture lying prone');
    expect(header).toContain('Symptoms for about 3 months');
    expect(header).toContain('Not entered: weakness felt in.');
    expect(header).toContain('Recorded 2026-03-14 21:40:00 UTC');
  });
});

describe('key findings carry the caveats that change how they read (issue 16 item 7)', () => {
  it('a 200 Hz recording says on page one that only 20–90 Hz was kept', () => {
    const key = keyText(buildReportHtml(openbci200()));
    expect(key).toContain('Read with care: EMG sampled at 200 Hz, so only 20–90 Hz was kept: small, fast potentials may be missed and the rate may be too low.');
  });

  it('little rest makes the rate a rough figure', () => {
    const a = makeAnalysis([{ id: 'a', site: 'left calf', restS: 70, twitches: 5 }]);
    expect(keyText(buildReportHtml({ ...base, analysis: a }))).toContain('Read with care: only 70 s of rest, so the rate is a rough figure.');
  });
});

describe('review status and agreement (issue 16 items 5 and 7)', () => {
  it('says "not reviewed" when nobody reviewed', () => {
    const emg = calf.analysis.events.filter((e) => e.type === 'twitch' && e.channel.startsWith('emg')).length;
    expect(keyText(buildReportHtml(base))).toContain(`Not reviewed by a person: the twitch-like events are as the detector found them (${emg}).`);
  });

  it('gives detected, confirmed, rejected and added, and the detector precision, after a review', () => {
    const twitches = calf.analysis.events.filter((e) => e.type === 'twitch' && e.channel.startsWith('emg'));
    let edits: ReviewEdit[] = [];
    twitches.slice(0, -2).forEach((e) => (edits = setReview(edits, e, 'confirm')));
    twitches.slice(-2).forEach((e) => (edits = setReview(edits, e, 'reject')));
    edits = addEvent(edits, { channel: 'emg1', peakS: 123.4, startS: 123.395, endS: 123.405, amplitude: 30 });
    const n = twitches.length;
    const key = keyText(buildReportHtml({ ...base, analysis: applyReview(calf.analysis, edits) }));
    expect(key).toContain(`Reviewed by a person: ${n} detected: ${n - 2} confirmed, 2 rejected; 1 added (detector precision ${Math.round(((n - 2) / n) * 100)}% (${n - 2} of ${n} checked)).`);
  });
});

describe('warning signs stand out (issue 16 item 7)', () => {
  it('red-flag answers are marked in the key findings and the checklist; "not sure" is marked too', () => {
    const html = buildReportHtml({ ...base, answers: { 'weakness-worse': 'yes', weakness: 'yes', wasting: 'unsure', caffeine: 'yes' } });
    expect(html).toMatch(/<li class="flag">▲ Warning signs: reported weakness where it twitches; weakness getting worse; not sure about visible muscle wasting/);
    expect(html).toMatch(/<li class="flag"><span>weakness getting worse<\/span><span><b>Yes<\/b> ▲<\/span><\/li>/);
    expect(html).toMatch(/<li class="flag"><span>visible muscle wasting<\/span><span><b>Not sure<\/b> △<\/span><\/li>/);
    expect(html).not.toMatch(/<li class="flag"><span>caffeine/);
  });

  it('after "no" to weakness, whether it gets worse does not apply; a sudden start is marked, as it calls for a clinician too', () => {
    const calm = buildReportHtml({ ...base, answers: { weakness: 'no', wasting: 'no', 'speech-swallowing': 'no', 'same-place': 'no' } });
    expect(keyText(calm)).toContain('No weakness, wasting, speech or swallowing trouble, or fixed-site twitching reported (4 of 12 questions answered).');
    expect(calm).toMatch(/<span>weakness getting worse<\/span><span><span class="muted">does not apply<\/span>/);
    const open = buildReportHtml({ ...base, answers: { weakness: 'no', wasting: 'no' } });
    expect(keyText(open)).toContain('No warning sign reported; not answered: speech or swallowing trouble, lasting hoarseness; twitching always in one muscle group');
    const sudden = buildReportHtml({ ...base, answers: { weakness: 'no', wasting: 'no', 'sudden-onset': 'yes' } });
    expect(sudden).toMatch(/<li class="flag">▲ Warning signs: reported sudden start \(see guidance; 3 of 12 questions answered\)/);
    expect(sudden).toMatch(/<li class="flag"><span>sudden start<\/span><span><b>Yes<\/b> ▲<\/span><\/li>/);
    const unsure = buildReportHtml({ ...base, answers: { weakness: 'unsure' } });
    expect(unsure).toMatch(/<span>weakness getting worse<\/span><span><span class="muted">not answered<\/span>/);
  });
});

describe('methods and channels (issue 16 item 7)', () => {
  const html = buildReportHtml(openbci200());

  it('states per channel the band actually applied', () => {
    const methods = sectionText(html, 'methods');
    expect(methods).toContain('EXG Channel 0, EXG Channel 1 EMG 200 Hz 20–90 Hz (of 450)');
    expect(methods).not.toMatch(/band-pass 20–450/);
  });

  it('leaves dead channels out of the tables and charts and says so once', () => {
    for (const id of ['rates', 'timeline', 'sustained', 'snippets', 'methods']) expect(sectionText(html, id)).not.toMatch(/EXG Channel [2-7]/);
    const quality = sectionText(html, 'quality');
    expect(quality).toContain('Left out of the tables and charts: EXG Channel 2, EXG Channel 3 and EXG Channel 4: flat throughout (not connected?); EXG Channel 5, EXG Channel 6 and EXG Channel 7: at the end of its range throughout.');
    expect(quality.match(/EXG Channel [2-7]/g)).toHaveLength(6);
    expect(textOf(html)).toContain('8 EMG (6 without signal, left out)');
  });
});
