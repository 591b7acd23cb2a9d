/** Body sites a channel can be assigned to, and how a channel label suggests one. */

export const SITES = [
  'calf',
  'shin',
  'thigh',
  'foot',
  'hand',
  'forearm',
  'upper arm',
  'shoulder',
  'back',
  'face',
  'eyelid',
  'tongue',
  'other',
] as const;

export type SiteName = (typeof SITES)[number];
export type Side = 'left' | 'right';

/** Words (lower case, whole-word) that name a site, including the muscles usually recorded there. */
const SITE_WORDS: ReadonlyArray<[SiteName, RegExp]> = [
  ['eyelid', /\b(eyelids?|orbicularis oculi|eye)\b/],
  ['tongue', /\b(tongue|genioglossus)\b/],
  ['face', /\b(face|facial|masseter|jaw|cheek|frontalis|zygomatic)\b/],
  ['calf', /\b(calf|calves|gastrocnemius|gastroc|soleus|triceps surae|mg|lg)\b/],
  ['shin', /\b(shin|tibialis|ta)\b/],
  ['thigh', /\b(thigh|quadriceps|quads?|vastus|rectus femoris|hamstrings?|biceps femoris|semitendinosus)\b/],
  ['foot', /\b(foot|feet|abductor hallucis|extensor digitorum brevis|edb|toe|toes)\b/],
  ['hand', /\b(hand|fdi|first dorsal interosseous|adm|abductor digiti minimi|thenar|apb|palm|finger|thumb)\b/],
  ['forearm', /\b(forearm|wrist|flexor carpi|extensor carpi|fcr|ecr|brachioradialis|edc)\b/],
  ['upper arm', /\b(upper arm|biceps|biceps brachii|triceps|brachialis|arm)\b/],
  ['shoulder', /\b(shoulder|deltoid|trapezius|trap)\b/],
  ['back', /\b(back|erector spinae|paraspinals?|lumbar|latissimus)\b/],
];

export interface SiteGuess {
  site: SiteName;
  side: Side | null;
}

/** Normalised site string as it appears in the analysis JSON: `calf`, `left calf`, `right forearm`. */
export function formatSite(site: SiteName, side: Side | null): string {
  return side ? `${side} ${site}` : site;
}

export function parseSite(text: string): SiteGuess | null {
  const t = text.trim().toLowerCase();
  const m = /^(?:(left|right)\s+)?(.+)$/.exec(t);
  if (!m) return null;
  const site = SITES.find((s) => s === m[2]);
  return site ? { site, side: (m[1] as Side | undefined) ?? null } : null;
}

/** A site suggested by a channel label (`"L gastrocnemius EMG"` → left calf), or null. */
export function siteFromLabel(label: string): SiteGuess | null {
  const t = label
    .toLowerCase()
    .replace(/[_\-.:/()[\]]+/g, ' ')
    .replace(/\s+/g, ' ');
  for (const [site, re] of SITE_WORDS) {
    if (re.test(t)) {
      const side: Side | null = /\b(left|l|lt|links)\b/.test(t)
        ? 'left'
        : /\b(right|r|rt|rechts)\b/.test(t)
          ? 'right'
          : null;
      return { site, side };
    }
  }
  return null;
}
