/** The ranked guidance items with the reason each was chosen and the section it comes from. */
import type { GuidanceItem } from '../guidance/rules';
import { LEVEL_LABELS } from '../guidance/rules';
import { sectionById } from '../guidance/content';
import { esc, section } from './html';

const LEVEL_MARKS = { 'see-clinician': '▲', attention: '●', info: '○' } as const;

export function guidanceSection(items: readonly GuidanceItem[]): string {
  if (items.length === 0) return section('guidance', 'Guidance', '<p>No guidance items.</p>');
  const list = items.map((i) =>
    [
      `<li class="item ${i.level}">`,
      `<div class="item-head"><span class="level">${LEVEL_MARKS[i.level]} ${esc(LEVEL_LABELS[i.level])}</span> <b>${esc(i.title)}</b></div>`,
      `<p>${esc(i.text)}</p>`,
      `<p class="why"><span>Why:</span> ${esc(i.reason)} <span class="src">Source: ${esc(sectionById(i.source).title)}</span></p>`,
      '</li>',
    ].join(''),
  );
  return section('guidance', 'Guidance', `<ol class="guidance">${list.join('')}</ol>`);
}
