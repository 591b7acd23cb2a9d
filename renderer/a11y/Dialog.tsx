import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  /** Escape, the backdrop and the close button all end here. */
  onClose(): void;
  children: ReactNode;
  testid?: string;
  /** Whether a click on the backdrop closes it (not for work in progress). */
  closeOnBackdrop?: boolean;
  className?: string;
}

const FOCUSABLE = 'button:not(:disabled), [href], input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

/** Whether a modal dialog is open: page shortcuts stand still behind it. */
export function modalOpen(): boolean {
  return document.querySelector('[role="dialog"][aria-modal="true"], [role="alertdialog"][aria-modal="true"]') !== null;
}

/**
 * A modal dialog (WAI-ARIA dialog pattern): focus moves in, Tab and Shift+Tab stay inside, Escape closes from
 * anywhere, and focus returns to where it was. It scrolls when the window is small (reflow at 200 % zoom).
 */
export function Dialog({ title, onClose, children, testid, closeOnBackdrop = true, className }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  const titleId = useId();

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const el = box.current;
    const first = el?.querySelector<HTMLElement>('[data-autofocus]') ?? el?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? el)?.focus();
    // Capture phase on the document: the dialog sees keys before any handler behind it, wherever focus is.
    const onKey = (e: KeyboardEvent) => {
      const root = box.current;
      if (!root) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopImmediatePropagation();
        close.current();
        return;
      }
      if (!root.contains(document.activeElement)) {
        e.preventDefault();
        e.stopImmediatePropagation();
        root.querySelector<HTMLElement>(FOCUSABLE)?.focus();
        return;
      }
      if (e.key !== 'Tab') return;
      const items = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((x) => x.offsetParent !== null || x === document.activeElement);
      if (items.length === 0) return;
      const i = items.indexOf(document.activeElement as HTMLElement);
      const next = e.shiftKey ? (i <= 0 ? items.length - 1 : i - 1) : i === items.length - 1 ? 0 : i + 1;
      e.preventDefault();
      items[next].focus();
    };
    const onFocusIn = (e: FocusEvent) => {
      const root = box.current;
      if (root && e.target instanceof Node && !root.contains(e.target)) root.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('focusin', onFocusIn);
      // Back where the user was; when that control is gone, the screen's heading takes focus.
      if (before && before.isConnected) before.focus();
      else document.querySelector<HTMLElement>('[data-screen-heading]')?.focus();
    };
  }, []);

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => closeOnBackdrop && e.target === e.currentTarget && onClose()}>
      <div className={`dialog${className ? ` ${className}` : ''}`} role="dialog" aria-modal="true" aria-labelledby={titleId} ref={box} tabIndex={-1} data-testid={testid}>
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
