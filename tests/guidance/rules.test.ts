import { describe, expect, it } from 'vitest';
import { guidanceFor, MAX_ITEMS, RULES, SECTIONS, type ChecklistAnswers, type GuidanceItem } from '../../core/guidance';
import { QUESTIONS } from '../../core/guidance/checklist';
import { makeAnalysis } from './make-analysis';

const calm = makeAnalysis([
  { id: 'emg1', site: 'left calf', restS: 600, twitches: 4 },
  { id: 'emg2', site: 'right calf', restS: 600, twitches: 3 },
]);
/** 14 twitches a minute in one calf: the rate beside which the old text said "common in healthy people". */
const busyCalf = makeAnalysis([{ id: 'emg1', site: 'left calf', restS: 600, twitches: 140 }]);
const accelOnly = makeAnalysis([{ id: 'acc1', site: 'left forearm', kind: 'accel', restS: 600, twitches: 9, sustained: [5] }]);
const threeSites = makeAnalysis([
  { id: 'a', site: 'left calf', restS: 600, twitches: 6 },
  { id: 'b', site: 'right thigh', restS: 600, twitches: 2 },
  { id: 'c', site: 'left hand', restS: 600, twitches: 4 },
]);

const ids = (items: GuidanceItem[]) => items.map((i) => i.id);
const item = (items: GuidanceItem[], id: string) => {
  const found = items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id} in ${ids(items).join(', ')}`);
  return found;
};
const allText = (items: GuidanceItem[]) => items.map((i) => `${i.title}. ${i.text} ${i.reason}`).join('\n');

/** Words that soothe or suggest self-care: none may stand beside an answer that calls for a clinician. */
const SOOTHING = /most often harmless|(?<!whether twitching )is harmless|rarely a sign|common in healthy|good sign|often help|calmer days|record again|not serious/i;

describe('red flags stop reassurance (point 2)', () => {
  it.each([
    ['weakness', 'weakness where it twitches'],
    ['weakness-worse', 'weakness getting worse'],
    ['wasting', 'visible muscle wasting'],
    ['speech-swallowing', 'speech or swallowing trouble'],
    ['same-place', 'twitching always in one muscle group'],
  ] as const)('"%s: yes" leads with the clinician item naming it, and nothing soothing follows', (question, words) => {
    const answers: ChecklistAnswers = { ...(question === 'weakness-worse' ? { weakness: 'yes' } : {}), [question]: 'yes', caffeine: 'yes', stress: 'yes', 'poor-sleep': 'yes' };
    for (const analysis of [calm, busyCalf, threeSites]) {
      const items = guidanceFor(analysis, answers);
      expect(items[0]).toMatchObject({ id: 'see-clinician', level: 'see-clinician', title: 'Please arrange to see a clinician' });
      expect(items[0].reason).toContain(words);
      expect(items.filter((i) => i.kind === 'reassurance' || i.kind === 'self-help')).toEqual([]);
      expect(ids(items)).not.toContain('triggers');
      expect(ids(items)).not.toContain('normal-strength');
      expect(ids(items)).not.toContain('widespread');
      expect(allText(items)).not.toMatch(SOOTHING);
    }
  });

  it('"weakness-worse: yes" with otherwise calm answers holds back the normal-strength and trigger items', () => {
    const answers: ChecklistAnswers = { weakness: 'no', 'weakness-worse': 'yes', wasting: 'no', 'speech-swallowing': 'no', caffeine: 'yes' };
    const items = guidanceFor(calm, answers);
    expect(ids(items)[0]).toBe('see-clinician');
    expect(ids(items)).not.toContain('normal-strength');
    expect(ids(items)).not.toContain('triggers');
    // The same answers without the red flag do get them: the hold is what removed them.
    expect(ids(guidanceFor(calm, { ...answers, 'weakness-worse': 'no' }))).toEqual(expect.arrayContaining(['normal-strength', 'triggers']));
  });

  it('a sudden start holds back reassurance and is worth mentioning to a clinician', () => {
    const items = guidanceFor(threeSites, { 'sudden-onset': 'yes', weakness: 'no', wasting: 'no', 'speech-swallowing': 'no', stress: 'yes' });
    expect(item(items, 'sudden-onset').text).toMatch(/clinician/);
    expect(allText(items)).not.toMatch(SOOTHING);
  });

  it('"not sure" about wasting or swallowing is a reason to ask a clinician, not a no', () => {
    for (const q of ['wasting', 'speech-swallowing'] as const) {
      const items = guidanceFor(calm, { weakness: 'no', wasting: 'no', 'speech-swallowing': 'no', [q]: 'unsure', caffeine: 'yes' });
      expect(items[0]).toMatchObject({ id: 'see-clinician', level: 'see-clinician', title: 'Worth asking a clinician' });
      expect(items[0].reason).toContain('You were not sure about:');
      expect(allText(items)).not.toMatch(SOOTHING);
    }
  });

  it('names yes and not-sure answers in one lead item; "not sure" whether weakness worsens means nothing after "no" weakness', () => {
    const items = guidanceFor(calm, { wasting: 'yes', 'weakness-worse': 'yes', 'same-place': 'yes', 'sudden-onset': 'yes', 'speech-swallowing': 'unsure' });
    expect(items.filter((i) => i.id === 'see-clinician')).toHaveLength(1);
    expect(items[0].reason).toMatch(/^You answered yes to: weakness getting worse; visible muscle wasting; twitching always in one muscle group \(started suddenly\)\. You were not sure about: speech or swallowing trouble, lasting hoarseness\./);
    const calmAnswers: ChecklistAnswers = { weakness: 'no', 'weakness-worse': 'unsure', wasting: 'no', 'speech-swallowing': 'no', 'same-place': 'no' };
    expect(ids(guidanceFor(calm, calmAnswers))).not.toContain('see-clinician');
    expect(ids(guidanceFor(calm, calmAnswers))).toContain('normal-strength');
  });

  it('red flags lead even when findings raise their own clinician items', () => {
    const tongue = makeAnalysis([{ id: 't', site: 'tongue', restS: 300, twitches: 5 }]);
    const items = guidanceFor(tongue, { 'disturbs-life': 'yes', 'speech-swallowing': 'yes' });
    expect(ids(items).slice(0, 3)).toEqual(['see-clinician', 'tongue', 'daily-life']);
  });
});

describe('no reassurance from a count (point 1)', () => {
  it('at 14/min the counted-events item says counts vary, have no normal number and cannot show harmlessness', () => {
    const items = guidanceFor(busyCalf, {});
    const counted = item(items, 'twitches-found');
    expect(counted.reason).toBe('140 twitch-like events found in left calf at 14/min, over 10 min of rest.');
    expect(counted.text).toMatch(/change from day to day/);
    expect(counted.text).toMatch(/no normal number/);
    expect(counted.text).toMatch(/cannot show whether twitching is harmless/);
    expect(allText(items)).not.toMatch(/common in healthy/i);
  });

  it('no rule, with any answers, says twitches like these are common in healthy people', () => {
    const answerSets: ChecklistAnswers[] = [{}, { weakness: 'no', wasting: 'no', 'speech-swallowing': 'no' }, { weakness: 'yes' }, { caffeine: 'yes' }];
    for (const a of [calm, busyCalf, accelOnly, threeSites]) for (const answers of answerSets) expect(allText(guidanceFor(a, answers))).not.toMatch(/common in healthy|very rarely a sign/i);
  });
});

describe('sustained activity is not called a cramp (point 4)', () => {
  it('EMG: says the signal cannot tell a cramp from ordinary muscle use', () => {
    const a = makeAnalysis([{ id: 'a', site: 'left calf', restS: 600, twitches: 2, sustained: [20, 40, 60] }]);
    const s = item(guidanceFor(a, { 'hard-exercise': 'yes' }), 'sustained-frequent');
    expect(s).toMatchObject({ level: 'attention', source: 'cramp', title: 'Repeated sustained activity' });
    expect(s.text).toContain('The signal cannot tell whether each was a cramp or ordinary use of the muscle');
    expect(s.reason).toBe('3 stretches of sustained activity, 2 min in total, longest 60 s; you reported hard exercise.');
    const one = makeAnalysis([{ id: 'a', site: 'left calf', restS: 600, twitches: 2, sustained: [12] }]);
    expect(item(guidanceFor(one, {}), 'sustained-few').reason).toBe('1 stretch of sustained activity lasting 12 s.');
    expect(item(guidanceFor(one, {}), 'sustained-few').text).toContain('The signal cannot tell whether it was a cramp or ordinary use of the muscle');
  });

  it('accelerometer: names tremor and movement as well', () => {
    expect(item(guidanceFor(accelOnly, {}), 'sustained-few').text).toContain('a cramp, a tremor or simply moving');
  });

  it('no item title or text calls sustained activity cramp-like', () => {
    const a = makeAnalysis([{ id: 'a', site: 'left calf', restS: 600, twitches: 2, sustained: [20, 40, 60] }]);
    expect(allText(guidanceFor(a, {}))).not.toMatch(/cramp-like|how a cramp looks/i);
  });
});

describe('accelerometer events are brief movements, not motor-unit twitches (point 5)', () => {
  it('every item calls them brief movements and none claims a motor-unit twitch', () => {
    const items = guidanceFor(accelOnly, {});
    expect(item(items, 'twitches-found').reason).toBe('9 brief movements found in left forearm at 0.9/min, over 10 min of rest.');
    expect(item(items, 'accelerometer-only').reason).toBe('The recording has 1 analysed channel, an accelerometer, and no EMG.');
    const text = allText(items);
    expect(text).not.toMatch(/twitch-like event|like those a twitching motor unit|twitches found/i);
    expect(text).toMatch(/not motor-unit twitches|not the twitch of a single motor unit/);
  });
});

describe('"more frequent at one site" compares rates with their intervals (point 6)', () => {
  it('does not fire on counts alone: 10 calf twitches in 30 min against none in 2 min of forearm rest', () => {
    const a = makeAnalysis([
      { id: 'a', site: 'left calf', restS: 1800, twitches: 10 },
      { id: 'b', site: 'left forearm', restS: 120, twitches: 0 },
    ]);
    expect(ids(guidanceFor(a, {}))).not.toContain('one-site');
  });

  it('does not fire when a site had too little rest, however different the rates look', () => {
    const a = makeAnalysis([
      { id: 'a', site: 'left calf', restS: 600, twitches: 60 },
      { id: 'b', site: 'left forearm', restS: 60, twitches: 0 },
    ]);
    expect(ids(guidanceFor(a, {}))).not.toContain('one-site');
  });

  it('fires when the busiest site\'s interval lies above every other site\'s, and says one recording cannot show "always"', () => {
    const a = makeAnalysis([
      { id: 'a', site: 'left calf', restS: 600, twitches: 41 },
      { id: 'b', site: 'right calf', restS: 600, twitches: 5 },
      { id: 'c', site: 'left hand', restS: 600, twitches: 4 },
    ]);
    const one = item(guidanceFor(a, { 'same-place': 'no' }), 'one-site');
    expect(one.level).toBe('attention');
    expect(one.reason).toMatch(/^left calf 4\.1\/min \(95% interval [\d.]+–[\d.]+\), above right calf 0\.5\/min \(95% interval [\d.]+–[\d.]+\) and left hand 0\.4\/min/);
    expect(one.text).toContain('one recording cannot show that twitching always stays in one place');
    expect(one.text).toContain('Trends');
    const overlapping = makeAnalysis([
      { id: 'a', site: 'left calf', restS: 600, twitches: 30 },
      { id: 'b', site: 'right calf', restS: 600, twitches: 18 },
    ]);
    expect(ids(guidanceFor(overlapping, {}))).not.toContain('one-site');
  });

  it('a single recorded site is never called more frequent', () => {
    expect(ids(guidanceFor(busyCalf, {}))).not.toContain('one-site');
  });
});

describe('no self-testing or re-recording as reassurance (point 8)', () => {
  it('normal strength is what a clinician finds, not what the person reports', () => {
    const answers: ChecklistAnswers = { weakness: 'no', wasting: 'no', 'speech-swallowing': 'no' };
    const n = item(guidanceFor(calm, answers), 'normal-strength');
    expect(n.source).toBe('ms-als');
    expect(n.text).toMatch(/When a clinician examines a twitching muscle and finds normal strength, the twitching is most often harmless\./);
    expect(n.text).toMatch(/not the same as that examination/);
    expect(ids(guidanceFor(calm, { ...answers, wasting: 'unsure' }))).not.toContain('normal-strength');
  });

  it('no item prompts a home strength test or recording again to compare', () => {
    const answerSets: ChecklistAnswers[] = [{ weakness: 'unsure' }, { caffeine: 'yes', stress: 'yes' }, { weakness: 'no', wasting: 'no', 'speech-swallowing': 'no' }];
    for (const a of [calm, busyCalf, threeSites]) {
      for (const answers of answerSets) {
        const text = allText(guidanceFor(a, answers));
        expect(text).not.toMatch(/try the same task|rising onto your toes|gripping something|record again after|compare/i);
      }
    }
  });

  it('"not sure" about strength sends to a clinician instead of a self-test', () => {
    const items = guidanceFor(calm, { weakness: 'unsure' });
    expect(items[0]).toMatchObject({ id: 'see-clinician', title: 'Worth asking a clinician' });
    expect(items[0].reason).toContain('You were not sure about: weakness where it twitches.');
  });
});

describe('other finding and answer rules', () => {
  it('tongue events get their own clinician item with count and rate', () => {
    const a = makeAnalysis([
      { id: 't', site: 'tongue', restS: 300, twitches: 5 },
      { id: 'c', site: 'left calf', restS: 300, twitches: 2 },
    ]);
    const t = item(guidanceFor(a, {}), 'tongue');
    expect(t.level).toBe('see-clinician');
    expect(t.reason).toBe('5 twitch-like events on the tongue channel at 1/min.');
    expect(ids(guidanceFor(calm, {}))).not.toContain('tongue');
  });

  it('events at three or more sites with rest point to the BFS section, said as a clinician\'s diagnosis', () => {
    const w = item(guidanceFor(threeSites, { weakness: 'no' }), 'widespread');
    expect(w.source).toBe('bfs');
    expect(w.reason).toBe('12 twitch-like events found in 3 sites at 0.2–0.6/min, no weakness reported.');
    expect(w.text).toMatch(/a clinician has found normal strength and no other cause/);
    expect(ids(guidanceFor(threeSites, { weakness: 'yes' }))).not.toContain('widespread');
  });

  it('reported triggers are listed with the numbers, and the advice does not suggest recording again', () => {
    const t = item(guidanceFor(calm, { caffeine: 'yes', 'poor-sleep': 'yes', stress: 'no' }), 'triggers');
    expect(t.kind).toBe('self-help');
    expect(t.reason).toBe('You answered yes to: caffeine or stimulants and poor sleep; 7 twitch-like events found in left calf (0.4/min) and right calf (0.3/min).');
    expect(ids(guidanceFor(calm, { stress: 'no' }))).not.toContain('triggers');
  });

  it('none found over enough rest says it describes this session only and rules nothing out', () => {
    const a = makeAnalysis([{ id: 'a', site: 'left calf', restS: 840, twitches: 0 }]);
    const none = item(guidanceFor(a, {}), 'no-twitches');
    expect(none.reason).toBe('0 twitch-like events in 14 min of rest.');
    expect(none.text).toMatch(/cannot rule anything out/);
  });

  it('less than two minutes of rest says the rate is rough; a file with nothing to analyse says so', () => {
    const a = makeAnalysis([{ id: 'a', site: 'left calf', restS: 72, twitches: 1 }]);
    expect(item(guidanceFor(a, {}), 'little-rest').reason).toBe('Only 72 s of usable rest; at least 2 min is needed.');
    const none = item(guidanceFor(makeAnalysis([]), {}), 'little-rest');
    expect(none.title).toBe('Nothing here could be searched for twitches');
  });

  it('a recording whose every channel cannot tell says so, not that it had too little rest', () => {
    const noisy = guidanceFor(makeAnalysis([{ id: 'a', site: 'left calf', restS: 600, twitches: 3, cannotTell: 'Too noisy to tell.' }]), {});
    expect(ids(noisy)).not.toContain('little-rest');
    expect(ids(noisy)).not.toContain('no-twitches');
    expect(item(noisy, 'cannot-tell').reason).toBe('1 of 1 channel could not tell; the notes under data quality say why.');
    expect(item(noisy, 'cannot-tell').text).toMatch(/says nothing about twitching either way.*electrodes pressed well onto clean skin/);
    const loose = guidanceFor(makeAnalysis([{ id: 'p', site: 'left thigh', kind: 'accel', restS: 550, twitches: 0, cannotTell: 'Moved loosely.' }]), {});
    expect(item(loose, 'cannot-tell').title).toBe('Brief movements could not be judged here');
    expect(item(loose, 'cannot-tell').text).toMatch(/strapped firmly to the limb, or sampling at 150 Hz or more/);
    // One channel that tells is enough for the usual items; its rest is what they speak of.
    const mixed = guidanceFor(makeAnalysis([{ id: 'a', site: 'left calf', restS: 600, twitches: 3, cannotTell: 'Too noisy to tell.' }, { id: 'b', site: 'right calf', restS: 90, twitches: 1 }]), {});
    expect(ids(mixed)).not.toContain('cannot-tell');
    expect(item(mixed, 'little-rest').reason).toBe('Only 1 min 30 s of usable rest; at least 2 min is needed.');
  });

  it('disturbed sleep or daily life is a clinician item; an empty checklist asks for the symptom answers', () => {
    expect(item(guidanceFor(calm, { 'disturbs-life': 'yes' }), 'daily-life').level).toBe('see-clinician');
    expect(ids(guidanceFor(calm, {}))).toContain('checklist-open');
    expect(ids(guidanceFor(calm, { weakness: 'no' }))).not.toContain('checklist-open');
  });
});

describe('ranking and traceability', () => {
  const busy = makeAnalysis([
    { id: 't', site: 'tongue', restS: 60, twitches: 5 },
    { id: 'a', site: 'left calf', restS: 600, twitches: 60, sustained: [20, 30, 40] },
    { id: 'b', site: 'right hand', restS: 600, twitches: 2 },
  ]);

  it('orders clinician, then attention, then background items and keeps at most a few', () => {
    const items = guidanceFor(busy, { weakness: 'yes', 'disturbs-life': 'yes', caffeine: 'yes', 'same-place': 'yes' });
    const levels = items.map((i) => ['see-clinician', 'attention', 'info'].indexOf(i.level));
    expect(levels).toEqual([...levels].sort((x, y) => x - y));
    expect(items.length).toBeLessThanOrEqual(MAX_ITEMS);
    expect(ids(items).slice(0, 3)).toEqual(['see-clinician', 'tongue', 'daily-life']);
  });

  it('every rule cites an existing content section and gives a reason with a number or an answer', () => {
    const sections = new Set(SECTIONS.map((s) => s.id));
    const seen = new Set<string>();
    const cases: Array<[ReturnType<typeof makeAnalysis>, ChecklistAnswers]> = [
      [busy, { weakness: 'yes', 'disturbs-life': 'yes', 'same-place': 'yes' }],
      [busy, { 'sudden-onset': 'yes' }],
      [calm, { weakness: 'no', wasting: 'no', 'speech-swallowing': 'no', stress: 'yes' }],
      [makeAnalysis([{ id: 'a', site: 'calf', restS: 300, twitches: 0, sustained: [5] }]), {}],
      [accelOnly, {}],
      [threeSites, {}],
      [makeAnalysis([{ id: 'a', site: 'left calf', restS: 600, twitches: 41 }, { id: 'b', site: 'right calf', restS: 600, twitches: 4 }]), {}],
      [makeAnalysis([{ id: 'a', site: 'left calf', restS: 60, twitches: 1 }]), {}],
      [makeAnalysis([{ id: 'a', site: 'left calf', restS: 600, twitches: 3, cannotTell: 'Too noisy to tell.' }]), {}],
    ];
    for (const [analysis, answers] of cases) {
      for (const i of guidanceFor(analysis, answers)) {
        seen.add(i.id);
        expect(sections.has(i.source)).toBe(true);
        expect(i.reason).toMatch(/\d|answered|not sure/);
        expect(i.text.length).toBeGreaterThan(40);
      }
    }
    expect([...seen].sort()).toEqual(RULES.map((r) => r.id).sort());
    // A rule declares its level, kind and source up front: checked here even for rules no case above fires.
    for (const r of RULES) expect(sections.has(r.source)).toBe(true);
  });

  it('every checklist id the CLI accepts is a question the rules read', () => {
    expect(QUESTIONS.map((q) => q.id)).toContain('weakness-worse');
  });
});
