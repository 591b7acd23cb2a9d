/** Labels the user puts on a recording, so trends can be marked and filtered by what was going on. */

export const PRESET_TAGS = ['caffeine', 'poor sleep', 'after exercise', 'medication change'] as const;

const MAX_TAG_LENGTH = 40;

/**
 * Tags as stored: trimmed, inner spaces collapsed, cut to 40 characters, presets in their own spelling,
 * no repeats (compared without case), in the order given.
 */
export function normaliseTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const t of tags) {
    const clean = t.replace(/\s+/g, ' ').trim().slice(0, MAX_TAG_LENGTH).trim();
    if (!clean) continue;
    const key = clean.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(PRESET_TAGS.find((p) => p === key) ?? clean);
  }
  return out;
}

export function hasTag(tags: readonly string[], tag: string): boolean {
  const key = tag.trim().toLowerCase();
  return tags.some((t) => t.toLowerCase() === key);
}
