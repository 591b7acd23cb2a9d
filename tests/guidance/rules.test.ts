import { describe, expect, it } from 'vitest';
import { guidanceFor, MAX_ITEMS, RULES, SECTIONS, type ChecklistAnswers, type GuidanceItem } from '../../core/guidance';
import { makeAnalysis } from './make-analysis';

const calm = makeAnalysis([
  { id: 'emg1', site: 'left calf', restS: 600, twitches: 4 },
  { id: 'emg2', site: 'right calf', restS: 600, twitches: 3 },
]);

const ids = (items: GuidanceItem[]) => items.map((i) => i.id);
const item = (items: GuidanceItem[], id: string) => {
  const found = items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id} in ${ids(items).join(', ')}`);
  return found;
};

describe('red-flag answers', () => {
  it.each([
    ['weakness', 'weakness where it twitches'],
    ['weakness-worse', 'weakness getting worse'],
    ['wasting', 'visible muscle wasting'],
    ['speech-swallowing', 'speech or swallowing trouble'],
    ['same-place', 'twitching always in one muscle group'],
  ] as const)('"%s: yes" leads with a see-a-clinician item that names it', (question, words) => {
    const items = guidanceFor(calm, { [question]: 'yes' });
    expect(items[0].id).toBe('see-clinician');
    expect(items[0].level).toBe('see-clinician');
    expect(items[0].reason).toContain(words);
    expect(items[0].reason).toContain('7 twitches found in left calf (0.4/min) and right calf (0.3/min)');
  });

  it('answers other than yes raise no red flag', () => {
    const answers: ChecklistAnswers = { weakness: 'no', 'weakness-worse': 'unsure', wasting: 'no', 'speech-swallowing': 'no', 'same-place': 'unsure' };
    expect(ids(guidanceFor(calm, answers))).not.toContain('see-clinician');
  });

  it('lists every red flag in one lead item and says when the fixed twitching began suddenly', () => {
    const items = guidanceFor(calm, { wasting: 'yes', 'weakness-worse': 'yes', 'same-place': 'yes', 'sudden-onset': 'yes' });
    expect(items.filter((i) => i.id === 'see-clinician')).toHaveLength(1);
    expect(items[0].reason).toMatch(/weakness getting worse; visible muscle wasting; twitching always in one muscle group \(started suddenly\)/);
  });

  it('red flags lead even when findings raise their own clinician items', () => {
    const tongue = makeAnalysis([{ id: 't', site: 'tongue', restS: 300, twitches: 5 }]);
    const items = guidanceFor(tongue, { 'disturbs-life': 'yes', 'speech-swallowing': 'yes' });
    expect(ids(items).slice(0, 3)).toEqual(['see-clinician', 'tongue', 'daily-life']);
  });
});

describe('finding rules', () => {
  it('tongue twitches get their own clinician item with count and rate', () => {
    const a = makeAnalysis([
      { id: 't', site: 'tongue', restS: 300, twitches: 5 },
      { id: 'c', site: 'left calf', restS: 300, twitches: 2 },
    ]);
    const t = item(guidanceFor(a, {}), 'tongue');
    expect(t.level).toBe('see-clinician');
    expect(t.reason).toBe('5 twitch-like spikes on the tongue channel at 1/min.');
    expect(t.source).toBe('ms-als');
    expect(ids(guidanceFor(calm, {}))).not.toContain('tongue');
  });

  it('twitches concentrated in one site (>= 80 % of at least 10) get an item naming the site and share', () => {
    const a = makeAnalysis([
      { id: 'a', site: 'left calf', restS: 600, twitches: 41 },
      { id: 'b', site: 'right calf', restS: 600, twitches: 5 },
      { id: 'c', site: 'left hand', restS: 600, twitches: 4 },
    ]);
    const one = item(guidanceFor(a, { 'same-place': 'no' }), 'one-site');
    expect(one.level).toBe('attention');
    expect(one.reason).toBe('41 of 50 twitches (82%) were in left calf at 4.1/min; other sites 0.4–0.5/min.');
    const spread = makeAnalysis([
      { id: 'a', site: 'left calf', restS: 600, twitches: 30 },
      { id: 'b', site: 'right calf', restS: 600, twitches: 10 },
    ]);
    expect(ids(guidanceFor(spread, {}))).not.toContain('one-site');
  });

  it('a single recorded site is never called concentrated', () => {
    const a = makeAnalysis([{ id: 'a', site: 'left calf', restS: 600, twitches: 40 }]);
    expect(ids(guidanceFor(a, {}))).not.toContain('one-site');
  });

  it('three or more sustained episodes are frequent; hard exercise is named when reported', () => {
    const a = makeAnalysis([{ id: 'a', site: 'left calf', restS: 600, twitches: 2, sustained: [20, 40, 60] }]);
    const s = item(guidanceFor(a, { 'hard-exercise': 'yes' }), 'sustained-frequent');
    expect(s.level).toBe('attention');
    expect(s.source).toBe('cramp');
    expect(s.reason).toBe('3 sustained episodes, 2 min in total, longest 60 s; you reported hard exercise.');
  });

  it('one or two sustained episodes give background only', () => {
    const a = makeAnalysis([{ id: 'a', site: 'left calf', restS: 600, twitches: 2, sustained: [12] }]);
    const items = guidanceFor(a, {});
    expect(item(items, 'sustained-few').reason).toBe('1 sustained episode lasting 12 s.');
    expect(ids(items)).not.toContain('sustained-frequent');
  });

  it('twitches in three or more sites point to the BFS section with the weakness answer', () => {
    const a = makeAnalysis([
      { id: 'a', site: 'left calf', restS: 600, twitches: 6 },
      { id: 'b', site: 'right thigh', restS: 600, twitches: 2 },
      { id: 'c', site: 'left hand', restS: 600, twitches: 4 },
    ]);
    const w = item(guidanceFor(a, { weakness: 'no' }), 'widespread');
    expect(w.source).toBe('bfs');
    expect(w.reason).toBe('12 twitches found in 3 sites at 0.2–0.6/min, no weakness reported.');
    expect(ids(guidanceFor(a, { weakness: 'yes' }))).not.toContain('widespread');
  });

  it('twitches with strength, wasting and speech all answered "no" get the normal-strength item', () => {
    const answers: ChecklistAnswers = { weakness: 'no', wasting: 'no', 'speech-swallowing': 'no' };
    expect(item(guidanceFor(calm, answers), 'normal-strength').source).toBe('ms-als');
    expect(ids(guidanceFor(calm, { ...answers, wasting: 'unsure' }))).not.toContain('normal-strength');
  });

  it('reported triggers are listed with the twitch numbers', () => {
    const t = item(guidanceFor(calm, { caffeine: 'yes', 'poor-sleep': 'yes', stress: 'no' }), 'triggers');
    expect(t.reason).toBe('You answered yes to: caffeine or stimulants and poor sleep; 7 twitches found in left calf (0.4/min) and right calf (0.3/min).');
    expect(ids(guidanceFor(calm, { stress: 'no' }))).not.toContain('triggers');
  });

  it('twitches in one or two sites explain what was counted', () => {
    const t = item(guidanceFor(calm, {}), 'twitches-found');
    expect(t.source).toBe('twitch');
    expect(t.reason).toContain('over 10 min of rest');
  });

  it('no twitches over enough rest says so for this session only', () => {
    const a = makeAnalysis([{ id: 'a', site: 'left calf', restS: 840, twitches: 0 }]);
    const items = guidanceFor(a, {});
    expect(item(items, 'no-twitches').reason).toBe('0 twitches in 14 min of rest.');
    expect(ids(items)).not.toContain('twitches-found');
  });

  it('less than two minutes of rest warns that the rate says little', () => {
    const a = makeAnalysis([{ id: 'a', site: 'left calf', restS: 72, twitches: 1 }]);
    const items = guidanceFor(a, {});
    expect(item(items, 'little-rest').reason).toBe('Only 72 s of usable rest; at least 2 min is needed.');
    expect(ids(items)).not.toContain('no-twitches');
  });

  it('a file with nothing to analyse says so instead of asking for more rest', () => {
    const none = makeAnalysis([]);
    const t = item(guidanceFor(none, {}), 'little-rest');
    expect(t.title).toBe('Nothing here could be searched for twitches');
    expect(t.reason).toBe('No channel in the file could be analysed.');
  });

  it('an accelerometer-only recording says small twitches are missed', () => {
    const a = makeAnalysis([{ id: 'acc1', site: 'left forearm', kind: 'accel', restS: 600, twitches: 1 }]);
    const acc = item(guidanceFor(a, {}), 'accelerometer-only');
    expect(acc.source).toBe('recording');
    expect(acc.reason).toBe('The recording has 1 analysed channel, an accelerometer, and no EMG.');
    expect(ids(guidanceFor(calm, {}))).not.toContain('accelerometer-only');
  });
});

describe('answer rules', () => {
  it('"not sure" about strength asks for a strength check', () => {
    const s = item(guidanceFor(calm, { weakness: 'unsure' }), 'strength-unsure');
    expect(s.level).toBe('attention');
    expect(s.reason).toBe('You answered "not sure" to: weakness where it twitches.');
    expect(ids(guidanceFor(calm, { weakness: 'yes', 'weakness-worse': 'unsure' }))).not.toContain('strength-unsure');
  });

  it('twitching that disturbs sleep or daily life is a clinician item', () => {
    const d = item(guidanceFor(calm, { 'disturbs-life': 'yes' }), 'daily-life');
    expect(d.level).toBe('see-clinician');
    expect(ids(guidanceFor(calm, { 'disturbs-life': 'no' }))).not.toContain('daily-life');
  });

  it('an empty checklist asks for the symptom answers', () => {
    expect(ids(guidanceFor(calm, {}))).toContain('checklist-open');
    expect(ids(guidanceFor(calm, { weakness: 'no' }))).not.toContain('checklist-open');
  });
});

describe('ranking and traceability', () => {
  const busy = makeAnalysis([
    { id: 't', site: 'tongue', restS: 60, twitches: 5 },
    { id: 'a', site: 'left calf', restS: 100, twitches: 60, sustained: [20, 30, 40] },
    { id: 'b', site: 'right hand', restS: 100, twitches: 2 },
  ]);
  const everything: ChecklistAnswers = {
    weakness: 'yes',
    'disturbs-life': 'yes',
    caffeine: 'yes',
    'same-place': 'yes',
  };

  it('orders clinician, then attention, then background items and keeps at most a few', () => {
    const items = guidanceFor(busy, everything);
    const levels = items.map((i) => ['see-clinician', 'attention', 'info'].indexOf(i.level));
    expect(levels).toEqual([...levels].sort((x, y) => x - y));
    expect(items.length).toBeLessThanOrEqual(MAX_ITEMS);
    expect(ids(items).slice(0, 3)).toEqual(['see-clinician', 'tongue', 'daily-life']);
  });

  it('every rule cites an existing content section and gives a reason with a number or an answer', () => {
    const sections = new Set(SECTIONS.map((s) => s.id));
    const seen = new Set<string>();
    const cases: Array<[ReturnType<typeof makeAnalysis>, ChecklistAnswers]> = [
      [busy, everything],
      [busy, { weakness: 'unsure', 'hard-exercise': 'yes' }],
      [calm, { weakness: 'no', wasting: 'no', 'speech-swallowing': 'no', stress: 'yes' }],
      [makeAnalysis([{ id: 'a', site: 'calf', restS: 300, twitches: 0, sustained: [5] }]), {}],
      [makeAnalysis([{ id: 'x', site: 'left calf', kind: 'accel', restS: 400, twitches: 3 }]), {}],
      [makeAnalysis([
        { id: 'a', site: 'left calf', restS: 600, twitches: 6 },
        { id: 'b', site: 'right thigh', restS: 600, twitches: 2 },
        { id: 'c', site: 'left hand', restS: 600, twitches: 4 },
      ]), {}],
    ];
    for (const [analysis, answers] of cases) {
      for (const i of guidanceFor(analysis, answers)) {
        seen.add(i.id);
        expect(sections.has(i.source)).toBe(true);
        expect(i.reason).toMatch(/\d|answered/);
        expect(i.text.length).toBeGreaterThan(40);
      }
    }
    expect([...seen].sort()).toEqual(RULES.map((r) => r.id).sort());
  });
});
