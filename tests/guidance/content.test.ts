import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DISCLAIMER, QUESTIONS, QUESTION_GROUPS, RED_FLAGS, SECTIONS, sanitizeAnswers } from '../../core/guidance';

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

const ourText = [
  ...SECTIONS.flatMap((s) => [s.title, ...s.paragraphs, ...(s.points ?? [])]),
  ...QUESTIONS.map((q) => q.text),
  DISCLAIMER,
].join('\n');

describe('guidance content', () => {
  it.skipIf(!existsSync(SOURCE))('shares no run of seven words with the source article', () => {
    const article = shingles(readFileSync(SOURCE, 'utf8'), 7);
    const copied = [...shingles(ourText, 7)].filter((s) => article.has(s));
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
