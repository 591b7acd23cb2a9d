import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DISCLAIMER, guidanceFor, QUESTIONS, QUESTION_GROUPS, RED_FLAGS, SECTIONS, sanitizeAnswers, sectionById, type ChecklistAnswers } from '../../core/guidance';
import { buildReportHtml, buildTrendReportHtml } from '../../core/report';
import { ACCELEROMETER_LIMITS, REST_LIMIT, SURFACE_EMG_LIMITS, TREND_LIMITS, VALIDATION_LIMIT } from '../../core/report/limits-section';
import { weeks } from '../trends/fixtures';
import { calfSession } from '../report/simulated';
import { makeAnalysis } from './make-analysis';

const SOURCE = resolve(__dirname, '../../../shared/guidance/source.txt');

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[“”"'’().,;:!?]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

function shingles(text: string, n: number): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(' '));
  return out;
}

/** Every guidance item the rules can write, over findings and answers that make each rule fire. */
function itemTexts(): string[] {
  const analyses = [
    makeAnalysis([{ id: 'a', site: 'left calf', restS: 600, twitches: 41, sustained: [20, 30, 40] }, { id: 'b', site: 'right calf', restS: 600, twitches: 4 }, { id: 'c', site: 'left hand', restS: 600, twitches: 3 }]),
    makeAnalysis([{ id: 't', site: 'tongue', restS: 300, twitches: 5 }, { id: 'c', site: 'left calf', restS: 300, twitches: 2, sustained: [12] }]),
    makeAnalysis([{ id: 'x', site: 'left forearm', kind: 'accel', restS: 600, twitches: 9, sustained: [5] }]),
    makeAnalysis([{ id: 'a', site: 'left calf', restS: 840, twitches: 0 }]),
    makeAnalysis([{ id: 'a', site: 'left calf', restS: 60, twitches: 1 }]),
    makeAnalysis([]),
  ];
  const answerSets: ChecklistAnswers[] = [
    {},
    { weakness: 'yes', 'same-place': 'yes', 'sudden-onset': 'yes', 'disturbs-life': 'yes' },
    { wasting: 'unsure' },
    { 'sudden-onset': 'yes' },
    { weakness: 'no', wasting: 'no', 'speech-swallowing': 'no', caffeine: 'yes', 'hard-exercise': 'yes' },
  ];
  return analyses.flatMap((a) => answerSets.flatMap((ans) => guidanceFor(a, ans).flatMap((i) => [i.title, i.text])));
}

/** A whole report's and a trend report's own words (the cited works' titles left out): key findings, notes, captions, methods. */
function reportText(): string {
  const software = { name: 'TwitchScope', version: '0' };
  const single = buildReportHtml({ ...calfSession(), answers: { weakness: 'yes', caffeine: 'yes' }, software, generatedAt: '2026-01-01T00:00:00Z' });
  const trend = buildTrendReportHtml({ recordings: weeks, software, generatedAt: '2026-01-20T10:00:00Z' });
  return (single + trend)
    .replace(/<style>[\s\S]*?<\/style>|<ol class="refs">[\s\S]*?<\/ol>/g, '')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));
}

const ourText = [
  ...SECTIONS.flatMap((s) => [s.title, ...s.paragraphs, ...(s.points ?? [])]),
  ...QUESTIONS.map((q) => q.text),
  ...itemTexts(),
  DISCLAIMER,
].join('\n');

/** Everything TwitchScope writes for people, the clinician report included. */
const allOurText = [ourText, ...SURFACE_EMG_LIMITS, ...ACCELEROMETER_LIMITS, ...TREND_LIMITS, REST_LIMIT, VALIDATION_LIMIT, reportText()].join('\n');

describe('guidance content', () => {
  it.skipIf(!existsSync(SOURCE))('shares no run of seven words with the source article', () => {
    const article = shingles(readFileSync(SOURCE, 'utf8'), 7);
    // The check itself can fail: a sentence lifted from the article is caught.
    const lifted = readFileSync(SOURCE, 'utf8').split('\n').find((l) => l.split(' ').length > 12)!;
    expect([...shingles(lifted, 7)].some((s) => article.has(s))).toBe(true);
    const copied = [...shingles(allOurText, 7)].filter((s) => article.has(s));
    expect(copied).toEqual([]);
  });

  it('covers the article topics, each under a unique section id', () => {
    const ids = SECTIONS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const all = ourText.toLowerCase();
    for (const topic of ['fasciculation', 'cramp', 'stress', 'sleep', 'caffeine', 'magnesium', 'potassium', 'exercise', 'benign fasciculation syndrome', 'als', 'ms', 'weakness', 'swallowing', 'hoarse']) {
      expect(all).toMatch(new RegExp(`\\b${topic}\\b`));
    }
  });

  it('keeps sentences short enough for a young reader', () => {
    const sentences = ourText.split(/(?<=[.?!])\s+|\n/).filter((s) => s.trim());
    const long = sentences.filter((s) => words(s).length > 40);
    expect(long).toEqual([]);
  });

  it('states that TwitchScope does not diagnose', () => {
    expect(DISCLAIMER).toMatch(/^TwitchScope describes signals; it does not diagnose\./);
  });
});

describe('corrected facts (issue 20)', () => {
  const text = (id: Parameters<typeof sectionById>[0]) => {
    const s = sectionById(id);
    return [...s.paragraphs, ...(s.points ?? [])].join(' ');
  };

  it('point 1: a count cannot show twitching is harmless, and home recordings have no normal number', () => {
    expect(text('recording')).toMatch(/no normal number for a home recording/);
    expect(text('recording')).toMatch(/people with ALS can twitch more often than people with harmless twitching/);
    expect(text('recording')).toMatch(/A count cannot show that twitching is harmless\./);
  });

  it('point 3: surface EMG cannot tell a twitch from other signals and does not replace needle EMG; "rest" is not confirmed relaxation', () => {
    expect(text('recording')).toMatch(/cannot tell a twitch apart from other small electrical signals/);
    expect(text('recording')).toMatch(/does not replace the needle test/);
    expect(text('recording')).toMatch(/cannot confirm that the muscle was fully relaxed/);
  });

  it('point 4: sustained activity may be a cramp or ordinary use, and on a movement sensor a tremor or movement', () => {
    expect(text('cramp')).toMatch(/cannot say what sustained activity was/);
    expect(text('cramp')).toMatch(/ordinary use of the muscle/);
    expect(text('cramp')).toMatch(/tremor/);
    expect(text('cramp')).not.toMatch(/keeps the two apart|cramp-like/);
  });

  it('point 5: an accelerometer cannot feel a single motor unit', () => {
    expect(text('recording')).toMatch(/single motor unit is usually far too small for a worn movement sensor to feel/);
  });

  it('point 7: fluids and blood salts are rare causes, a blood test checks them, no supplements without advice', () => {
    const salts = sectionById('triggers').points!.find((p) => /magnesium/.test(p))!;
    expect(salts).toMatch(/^less often/);
    expect(salts).toMatch(/rare causes/);
    expect(salts).toMatch(/blood test/);
    expect(salts).toMatch(/Do not take magnesium or potassium supplements unless a clinician advises it/);
  });

  it('point 8: normal strength means what a clinician finds, and home self-tests are unreliable', () => {
    expect(text('ms-als')).toMatch(/When a clinician finds normal strength in a muscle that twitches, the twitching is most often harmless\./);
    expect(text('ms-als')).toMatch(/one side of the body is naturally a little stronger/);
  });

  it('point 9: usually too small to move a joint, eyelid twitching is usually myokymia, BFS is a diagnosis after examination', () => {
    expect(text('twitch')).toMatch(/usually far too small to move a joint/);
    expect(text('twitch')).toMatch(/eyelid[^.]*\. That is usually myokymia/i);
    expect(text('bfs')).toMatch(/When a clinician has examined them, found normal strength and no other cause, this is called benign fasciculation syndrome/);
    expect(text('bfs')).toMatch(/diagnosis made after an examination/);
  });

  it('point 2: being unsure about a warning sign is itself a reason to see a clinician', () => {
    expect(text('see-clinician')).toMatch(/being unsure about any of these/);
  });
});

describe('checklist', () => {
  it('groups every question and covers each red flag', () => {
    const groups = new Set(QUESTION_GROUPS.map((g) => g.id));
    for (const q of QUESTIONS) expect(groups.has(q.group)).toBe(true);
    for (const id of RED_FLAGS) expect(QUESTIONS.find((q) => q.id === id)?.group).toBe('symptoms');
    expect(QUESTIONS.filter((q) => q.group === 'context').map((q) => q.id)).toEqual(['caffeine', 'stress', 'poor-sleep', 'hard-exercise', 'dehydration']);
  });

  it('reads back stored answers keeping only known questions and valid answers', () => {
    expect(sanitizeAnswers({ weakness: 'yes', wasting: 'maybe', bogus: 'no', stress: 'unsure' })).toEqual({ weakness: 'yes', stress: 'unsure' });
    expect(sanitizeAnswers('nonsense')).toEqual({});
    expect(sanitizeAnswers(null)).toEqual({});
  });
});
