/**
 * What TwitchScope tells people about twitching, in its own plain words. The facts come from the article
 * in `shared/guidance/source.txt` (sections marked `basis: 'article'`); the `recording` section is ours and
 * explains what a recording can and cannot show. Guidance items cite these sections by id.
 */

export type SectionId = 'twitch' | 'cramp' | 'triggers' | 'bfs' | 'ms-als' | 'see-clinician' | 'recording';

export interface ContentSection {
  id: SectionId;
  title: string;
  /** Short paragraphs, each a complete thought. */
  paragraphs: string[];
  /** Optional list shown after the paragraphs. */
  points?: string[];
  basis: 'article' | 'app';
}

export const SECTIONS: readonly ContentSection[] = [
  {
    id: 'twitch',
    title: 'What a muscle twitch is',
    basis: 'article',
    paragraphs: [
      'Doctors call a small muscle twitch a fasciculation. It happens when one nerve cell and the group of muscle fibres it controls (together called a motor unit) fire by themselves, without you meaning to move.',
      'You may see or feel it as a tiny flicker or ripple under the skin. It is usually far too small to move a joint. Twitches are common, and most people have them from time to time.',
      'Hard-working muscles twitch most often: the calves, thighs and hands. You notice twitches most when the muscle is fully relaxed.',
      'An eyelid that flickers for days is common too. That is usually myokymia, a rippling of many fibres that is slightly different from a single-unit twitch.',
    ],
  },
  {
    id: 'cramp',
    title: 'How a twitch differs from a cramp',
    basis: 'article',
    paragraphs: [
      'A twitch is one motor unit firing for a split second. A cramp or spasm is different: many muscle fibres tighten hard together and stay tight, often for seconds to minutes, and it can hurt.',
      'TwitchScope lists brief, single spikes as twitch-like events and longer stretches of steady activity as sustained activity. The signal alone cannot say what sustained activity was. On a muscle sensor it may be a cramp or ordinary use of the muscle, such as tensing it or shifting your weight. On a movement sensor it may also be a tremor or simply moving. Only you know whether you felt a cramp at that moment.',
    ],
  },
  {
    id: 'triggers',
    title: 'Everyday things that set off twitches',
    basis: 'article',
    paragraphs: [
      'Most twitching comes from ordinary causes that make nerve endings a little more jumpy than usual. Common ones are:',
    ],
    points: [
      'stress and worry',
      'tiredness and too little sleep',
      'caffeine (coffee, tea, energy drinks) and other stimulants',
      'hard exercise',
      'less often, being short of fluids or having low blood levels of salts such as magnesium or potassium. These are rare causes, and a simple blood test can check them. Do not take magnesium or potassium supplements unless a clinician advises it.',
    ],
  },
  {
    id: 'bfs',
    title: 'Benign fasciculation syndrome',
    basis: 'article',
    paragraphs: [
      'Some people twitch often, in many places, for months or even years. When a clinician has examined them, found normal strength and no other cause, this is called benign fasciculation syndrome. "Benign" means harmless. It is a diagnosis made after an examination; no recording can make it.',
      'It can be tiring and worrying to live with, but it does not cause muscles to grow weaker and it is not linked to serious nerve disease.',
    ],
  },
  {
    id: 'ms-als',
    title: 'Why twitching alone rarely means MS or ALS',
    basis: 'article',
    paragraphs: [
      'Twitching is seldom the only sign, or the first sign, of ALS (motor neurone disease). In ALS, twitches come together with weakness that keeps getting worse, such as trouble gripping things or lifting the front of the foot, and often with muscles that visibly shrink. Twitching in the tongue is also more typical of ALS, while harmless twitching rarely shows up there.',
      'MS (multiple sclerosis) affects the brain and spinal cord. Its main signs are changes in feeling, eyesight, balance or coordination. MS can make muscles stiff, but single twitches are not one of its main features.',
      'What matters most is strength, as a clinician finds it on examination. When a clinician finds normal strength in a muscle that twitches, the twitching is most often harmless. Testing yourself at home is not a reliable substitute, because one side of the body is naturally a little stronger than the other.',
    ],
  },
  {
    id: 'see-clinician',
    title: 'When to see a clinician',
    basis: 'article',
    paragraphs: ['Most twitching is harmless. It is worth booking a visit with a doctor or other clinician if you notice any of these:'],
    points: [
      'a muscle getting weaker, especially if it keeps getting worse',
      'a muscle that looks thinner or smaller than before',
      'slurred speech, trouble swallowing, or a hoarse voice that does not go away',
      'twitching that started suddenly and always stays in the same muscle or muscle group',
      'twitching strong enough to spoil your sleep or get in the way of daily life, so that treatable causes can be checked',
      'being unsure about any of these, such as whether a muscle has become weaker: a clinician can check',
    ],
  },
  {
    id: 'recording',
    title: 'What a recording can and cannot show',
    basis: 'app',
    paragraphs: [
      'A skin sensor only picks up muscles close to it, and only while it is recording. A quiet recording does not mean twitches never happen, and a busy one does not say why they happen.',
      'A muscle sensor on the skin (surface EMG) cannot tell a twitch apart from other small electrical signals, such as a little unintended muscle activity, other kinds of spontaneous firing, or interference. That is why TwitchScope calls what it finds twitch-like events. It does not replace the needle test (needle EMG) a clinician may arrange.',
      'An accelerometer feels movement, not the muscle\'s electrical signal. A single motor unit is usually far too small for a worn movement sensor to feel, so what it counts are brief movements while the limb was still, which can have other causes.',
      'How often twitches come does not separate harmless twitching from serious causes. Counts change from day to day, there is no normal number for a home recording, and people with ALS can twitch more often than people with harmless twitching. A count cannot show that twitching is harmless.',
      'Counts are only fair to compare when the muscle was at rest and the signal was clean. "Rest" here means the time the program kept after leaving out activity, movement and noise; it cannot confirm that the muscle was fully relaxed.',
    ],
  },
];

export function sectionById(id: SectionId): ContentSection {
  const s = SECTIONS.find((x) => x.id === id);
  if (!s) throw new Error(`unknown guidance section ${id}`);
  return s;
}

/** Always shown with the guidance and at the end of every report. */
export const DISCLAIMER =
  'TwitchScope describes signals; it does not diagnose. What it shows is not medical advice and cannot rule any illness in or out. If you are worried about your health, talk to a doctor or other clinician.';
