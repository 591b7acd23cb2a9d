import { useEffect, useRef, useState } from 'react';

interface Props {
  label: string;
  title?: string;
  testid?: string;
  items: ReadonlyArray<MenuItem>;
}

export interface MenuItem {
  label: string;
  onSelect(): void;
  testid?: string;
  title?: string;
  /** A check item: shows its state and leaves the menu open when toggled. */
  checked?: boolean;
  disabled?: boolean;
}

/** A small dropdown menu: arrow keys move, Escape closes and returns focus to the button. */
export function Menu({ label, title, testid, items }: Props) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const close = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const onKey = (e: React.KeyboardEvent) => {
    const list = [...(root.current?.querySelectorAll<HTMLButtonElement>('[role^="menuitem"]:not(:disabled)') ?? [])];
    const i = list.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      setOpen(false);
      button.current?.focus();
      e.stopPropagation();
    } else if (e.key === 'ArrowDown') {
      list[(i + 1) % list.length]?.focus();
      e.preventDefault();
    } else if (e.key === 'Tab' && open) {
      setOpen(false);
    } else if (e.key === 'ArrowUp') {
      list[(i - 1 + list.length) % list.length]?.focus();
      e.preventDefault();
    }
  };

  return (
    <div className="menu" ref={root} onKeyDown={onKey}>
      <button ref={button} aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)} title={title} data-testid={testid}>
        {label} ▾
      </button>
      {open && (
        <div className="menu-list" role="menu">
          {items.map((it) => (
            <button
              key={it.label}
              role={it.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
              aria-checked={it.checked}
              disabled={it.disabled}
              title={it.title}
              data-testid={it.testid}
              onClick={() => {
                // A check item toggles in place; any other closes the menu, and focus goes back to the menu's
                // button, not to the page, while the chosen action runs.
                if (it.checked === undefined) {
                  setOpen(false);
                  button.current?.focus();
                }
                it.onSelect();
              }}
            >
              {it.checked !== undefined && <span aria-hidden="true">{it.checked ? '☑ ' : '☐ '}</span>}
              {it.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
