import type { KeyboardEvent } from 'react';

interface Props<T extends string> {
  label: string;
  /** Prefix of the tab and panel ids: `${prefix}-tab-${id}`, `${prefix}-panel-${id}`. */
  prefix: string;
  tabs: ReadonlyArray<readonly [T, string]>;
  selected: T;
  onSelect(id: T): void;
  testidPrefix: string;
}

export const tabId = (prefix: string, id: string) => `${prefix}-tab-${id}`;
export const panelId = (prefix: string, id: string) => `${prefix}-panel-${id}`;

/**
 * A tab list in the WAI-ARIA tabs pattern: one tab stop (roving tabindex), arrow keys, Home and End move and
 * select at once. The panel is the caller's, labelled by `tabId(prefix, selected)`.
 */
export function TabList<T extends string>({ label, prefix, tabs, selected, onSelect, testidPrefix }: Props<T>) {
  const onKey = (e: KeyboardEvent, i: number) => {
    const n = tabs.length;
    const to = e.key === 'ArrowRight' ? (i + 1) % n : e.key === 'ArrowLeft' ? (i - 1 + n) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    onSelect(tabs[to][0]);
    document.getElementById(tabId(prefix, tabs[to][0]))?.focus();
  };
  return (
    <div className="tablist" role="tablist" aria-label={label}>
      {tabs.map(([id, text], i) => (
        <button
          key={id}
          role="tab"
          id={tabId(prefix, id)}
          aria-selected={selected === id}
          aria-controls={panelId(prefix, id)}
          tabIndex={selected === id ? 0 : -1}
          onClick={() => onSelect(id)}
          onKeyDown={(e) => onKey(e, i)}
          data-testid={`${testidPrefix}${id}`}
        >
          {text}
        </button>
      ))}
    </div>
  );
}
