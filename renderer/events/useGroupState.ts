import { useState } from 'react';
import type { EventGroup } from './groups';

/**
 * Which groups are open in the list (findings until the user changes it) and which are shown on the traces
 * (held by the caller, since N/P and the drawing read it too).
 */
export function useGroupState(groups: ReadonlyArray<{ group: EventGroup }>, hidden: ReadonlySet<string>, onHidden: (next: Set<string>) => void) {
  const [open, setOpen] = useState<ReadonlySet<string> | null>(null);
  const openIds = () => open ?? new Set(groups.filter((x) => x.group.finding).map((x) => x.group.id));
  const toggleOpen = (id: string, to?: boolean) => {
    const next = new Set(openIds());
    if (to ?? !next.has(id)) next.add(id);
    else next.delete(id);
    setOpen(next);
  };
  const toggleShown = (id: string) => {
    const next = new Set(hidden);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onHidden(next);
  };
  return { open, isOpen: (g: EventGroup) => (open ? open.has(g.id) : g.finding), toggleOpen, toggleShown };
}
