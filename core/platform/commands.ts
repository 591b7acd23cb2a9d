/**
 * Every command a key can run, in one table: the application menu takes its accelerators from here, the
 * shortcuts dialog lists it, and the page's key handler matches keys against it. Plain data in core, so the
 * Electron main process and the page read the same table.
 */

export type CommandId =
  | 'open'
  | 'undo'
  | 'redo'
  | 'next-twitch'
  | 'prev-twitch'
  | 'next-event'
  | 'prev-event'
  | 'next-unreviewed'
  | 'confirm'
  | 'reject'
  | 'add-mode'
  | 'add-at-centre'
  | 'zoom-in'
  | 'zoom-out'
  | 'zoom-fit'
  | 'pan-earlier'
  | 'pan-later'
  | 'page-earlier'
  | 'page-later'
  | 'gain-up'
  | 'gain-down'
  | 'measure'
  | 'escape'
  | 'shortcuts';

/** A key as `KeyboardEvent.key` names it (letters in lower case), with the modifiers it needs. */
export interface Chord {
  key: string;
  shift?: boolean;
  /** Ctrl, or Cmd on macOS. */
  mod?: boolean;
}

/** Where a command acts: anywhere, on the review screen, or only while the timeline tab is shown. */
export type CommandScope = 'app' | 'review' | 'timeline';

export interface CommandSpec {
  id: CommandId;
  /** What it does, as the shortcuts dialog says it. */
  label: string;
  keys: readonly Chord[];
  scope: CommandScope;
  /** The application menu's accelerator for the same action, when the menu has one. */
  menu?: string;
}

export const COMMANDS: readonly CommandSpec[] = [
  { id: 'next-twitch', label: 'Next twitch', keys: [{ key: 'n' }, { key: '.' }], scope: 'timeline' },
  { id: 'prev-twitch', label: 'Previous twitch', keys: [{ key: 'p' }, { key: ',' }], scope: 'timeline' },
  { id: 'next-event', label: 'Next event of any class', keys: [{ key: 'n', shift: true }], scope: 'timeline' },
  { id: 'prev-event', label: 'Previous event of any class', keys: [{ key: 'p', shift: true }], scope: 'timeline' },
  { id: 'next-unreviewed', label: 'Next event not yet reviewed', keys: [{ key: 'u' }], scope: 'timeline' },
  { id: 'confirm', label: 'Confirm the selected event', keys: [{ key: 'c' }], scope: 'timeline' },
  { id: 'reject', label: 'Reject the selected event', keys: [{ key: 'x' }], scope: 'timeline' },
  { id: 'add-mode', label: 'Add a missed twitch: then click the spike on a trace', keys: [{ key: 'a' }], scope: 'timeline' },
  { id: 'add-at-centre', label: 'In add mode: add it at the dashed centre line', keys: [{ key: 'Enter' }], scope: 'timeline' },
  { id: 'zoom-in', label: 'Zoom in', keys: [{ key: '+' }, { key: '=' }], scope: 'timeline', menu: 'CmdOrCtrl+=' },
  { id: 'zoom-out', label: 'Zoom out', keys: [{ key: '-' }, { key: '_' }], scope: 'timeline', menu: 'CmdOrCtrl+-' },
  { id: 'zoom-fit', label: 'Show the whole recording', keys: [{ key: '0' }], scope: 'timeline', menu: 'CmdOrCtrl+0' },
  { id: 'pan-earlier', label: 'Move earlier by a quarter screen', keys: [{ key: 'ArrowLeft' }], scope: 'timeline' },
  { id: 'pan-later', label: 'Move later by a quarter screen', keys: [{ key: 'ArrowRight' }], scope: 'timeline' },
  { id: 'page-earlier', label: 'Page earlier by the page length', keys: [{ key: 'PageUp' }], scope: 'timeline' },
  { id: 'page-later', label: 'Page later by the page length', keys: [{ key: 'PageDown' }], scope: 'timeline' },
  { id: 'gain-up', label: 'Larger traces (fewer µV per division)', keys: [{ key: ']' }], scope: 'timeline' },
  { id: 'gain-down', label: 'Smaller traces (more µV per division)', keys: [{ key: '[' }], scope: 'timeline' },
  { id: 'measure', label: 'Measure: click two points on a trace for Δt and Δamplitude', keys: [{ key: 'm' }], scope: 'timeline' },
  { id: 'escape', label: 'Leave add or measure mode, clear the selection', keys: [{ key: 'Escape' }], scope: 'timeline' },
  { id: 'undo', label: 'Undo', keys: [{ key: 'z', mod: true }], scope: 'review' },
  { id: 'redo', label: 'Redo', keys: [{ key: 'z', mod: true, shift: true }, { key: 'y', mod: true }], scope: 'review' },
  { id: 'open', label: 'Open a recording', keys: [{ key: 'o', mod: true }], scope: 'app', menu: 'CmdOrCtrl+O' },
  { id: 'shortcuts', label: 'This list and the shortcut setting', keys: [{ key: '?', shift: true }], scope: 'app' },
];

/**
 * Keys only the desktop menu answers to: the browser keeps Ctrl+P, Ctrl+L and F1 for itself, so the page does not
 * take them. Written here so that every key the app answers to is in this one file.
 */
export const MENU_ONLY_KEYS = {
  'show-library': 'CmdOrCtrl+L',
  'export-pdf': 'CmdOrCtrl+P',
  'export-csv': 'CmdOrCtrl+E',
  'export-json': 'CmdOrCtrl+Shift+E',
  'toggle-theme': 'CmdOrCtrl+Shift+L',
  'show-guidance': 'F1',
  'text-larger': 'CmdOrCtrl+Shift+=',
  'text-smaller': 'CmdOrCtrl+Shift+-',
  'text-actual-size': 'CmdOrCtrl+Shift+0',
  quit: 'Ctrl+Q',
} as const;

/** Mouse gestures, listed with the keys so people find them in one place. */
export const GESTURES: ReadonlyArray<[string, string]> = [
  ['Wheel / Shift+wheel', 'Zoom at the pointer / move'],
  ['Drag on a trace', 'Zoom to the dragged span'],
  ['Drag a span edge', 'Move that edge (undo with Ctrl+Z)'],
];

/** Keys of the event list (one tab stop), which moves and sorts by itself rather than through the table. */
export const LIST_KEYS: ReadonlyArray<[string, string]> = [
  ['↑ ↓ Home End PgUp PgDn', 'Event list: move; C and X act on the row you are on'],
  ['→ ← Space', 'Event list: open or close a group; show or hide it on the traces'],
  ['↑ on the first row, ← →, Enter', 'Event list: choose a column header and sort by it (Enter again reverses)'],
];

/**
 * Single-character shortcuts (WCAG 2.1.4) can be left on, made to need Alt, or turned off. Keys with Ctrl or
 * Cmd, arrows, paging, Enter and Escape are not single characters and always work.
 */
export type ShortcutMode = 'single' | 'alt' | 'off';

export const SHORTCUT_MODES: ReadonlyArray<[ShortcutMode, string]> = [
  ['single', 'On: a single key acts'],
  ['alt', 'Only with Alt held (e.g. Alt+N)'],
  ['off', 'Off: use the buttons and menus'],
];

export function commandById(id: CommandId): CommandSpec {
  const c = COMMANDS.find((x) => x.id === id);
  if (!c) throw new Error(`unknown command ${id}`);
  return c;
}

/** A printable key with no Ctrl/Cmd: what a stray keystroke or a voice-control word can set off. */
export function isCharacterKey(c: Chord): boolean {
  return !c.mod && c.key.length === 1;
}

/** The physical key for a character, for Alt chords: on macOS Alt changes `key` (Alt+N gives "˜"). */
function codeOf(key: string): string | null {
  if (/^[a-z]$/.test(key)) return `Key${key.toUpperCase()}`;
  if (/^[0-9]$/.test(key)) return `Digit${key}`;
  const named: Record<string, string> = { '.': 'Period', ',': 'Comma', '[': 'BracketLeft', ']': 'BracketRight', '-': 'Minus', '=': 'Equal', '+': 'Equal', '?': 'Slash' };
  return named[key] ?? null;
}

export interface KeyLike {
  key: string;
  code?: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

function chordMatches(c: Chord, e: KeyLike, mode: ShortcutMode): boolean {
  const mod = e.ctrlKey || e.metaKey;
  if (!!c.mod !== mod) return false;
  const character = isCharacterKey(c);
  if (character) {
    if (mode === 'off') return false;
    if (mode === 'alt' !== e.altKey) return false;
  } else if (e.altKey) return false;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  const sameKey = key === c.key || (e.altKey && e.code !== undefined && e.code === codeOf(c.key));
  if (!sameKey) return false;
  // Shifted punctuation ("+", "?", "_") is already its own key; Shift matters only for letters and named keys.
  if (/^[a-z]$/.test(c.key) || c.key.length > 1) return !!c.shift === e.shiftKey;
  return true;
}

/** The command a key press asks for, among the scopes that are active now; null when none. */
export function commandForKey(e: KeyLike, mode: ShortcutMode, scopes: ReadonlySet<CommandScope>): CommandId | null {
  for (const c of COMMANDS) {
    if (!scopes.has(c.scope)) continue;
    if (c.keys.some((k) => chordMatches(k, e, mode))) return c.id;
  }
  return null;
}

/** A chord as people read it: "Shift+N", "Ctrl+Z", "Alt+C" when single keys need Alt. */
export function chordLabel(c: Chord, mode: ShortcutMode, mac = false): string {
  const names: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', PageUp: 'PgUp', PageDown: 'PgDn', Escape: 'Esc', '-': '−' };
  const base = names[c.key] ?? (c.key.length === 1 ? c.key.toUpperCase() : c.key);
  const parts: string[] = [];
  if (c.mod) parts.push(mac ? 'Cmd' : 'Ctrl');
  if (isCharacterKey(c) && mode === 'alt') parts.push(mac ? 'Option' : 'Alt');
  if (c.shift && (/^[a-z]$/.test(c.key) || c.key.length > 1 || c.mod)) parts.push('Shift');
  parts.push(base);
  return parts.join('+');
}
