import { useEffect, useRef } from 'react';
import { modalOpen } from '../a11y/Dialog';
import { commandForKey, type CommandId, type CommandScope, type ShortcutMode } from '../../core/platform/commands';

/** Widgets that use arrows, Home/End, Enter and Space themselves. */
const COMPOSITE = '[role="treegrid"], [role="grid"], [role="listbox"], [role="tablist"], [role="toolbar"], [role="menu"], [role="radiogroup"]';
const EDITING = new Set(['z', 'y', 'a', 'c', 'v', 'x']);
const WIDGET_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown', ' ', 'Enter']);

/**
 * Whether the focused control needs this key itself: text fields and selects take every key, sliders, check
 * boxes and composite widgets only the keys that operate them, so review letters still work beside them.
 */
export function ownsKey(target: HTMLElement, key: string, withCtrl = false): boolean {
  // Ctrl/Cmd chords belong to the app except the editing ones a text field uses.
  if (withCtrl && !EDITING.has(key.toLowerCase())) return false;
  if (target.isContentEditable || target.closest('textarea, select')) return true;
  if (target instanceof HTMLInputElement) {
    if (target.type === 'checkbox' || target.type === 'radio' || target.type === 'range') return WIDGET_KEYS.has(key);
    return true;
  }
  if (target.closest(COMPOSITE)) return WIDGET_KEYS.has(key);
  if (target.closest('button, a, summary')) return key === 'Enter' || key === ' ';
  return false;
}

/**
 * Runs `run(command)` for the keys of the command table in the active scopes. Nothing acts while a modal
 * dialog is open, or when the focused control owns the key. `run` returns false for a command it ignored.
 */
export function useCommandKeys(mode: ShortcutMode, scopes: ReadonlySet<CommandScope>, run: (c: CommandId) => boolean | void): void {
  const live = useRef({ mode, scopes, run });
  live.current = { mode, scopes, run };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || modalOpen()) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      if (target && ownsKey(target, e.key, e.ctrlKey || e.metaKey)) return;
      const { mode: m, scopes: s, run: r } = live.current;
      const c = commandForKey(e, m, s);
      if (c && r(c) !== false) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
