import { describe, expect, it } from 'vitest';
import { COMMANDS, chordLabel, commandForKey, type CommandScope, type KeyLike } from '../../core/platform/commands';

const all: ReadonlySet<CommandScope> = new Set(['app', 'review', 'timeline']);
const key = (k: string, more: Partial<KeyLike> = {}): KeyLike => ({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...more });

describe('the command and keymap table', () => {
  it('gives each key one command', () => {
    const seen = new Map<string, string>();
    for (const c of COMMANDS) {
      for (const k of c.keys) {
        const id = `${k.mod ? 'mod+' : ''}${k.shift ? 'shift+' : ''}${k.key}`;
        expect(seen.get(id), `${id} is bound to ${seen.get(id)} and ${c.id}`).toBeUndefined();
        seen.set(id, c.id);
      }
    }
  });

  it('single keys act, need Alt, or do nothing as the setting says (WCAG 2.1.4)', () => {
    expect(commandForKey(key('c'), 'single', all)).toBe('confirm');
    expect(commandForKey(key('c'), 'alt', all)).toBeNull();
    expect(commandForKey(key('ç', { altKey: true, code: 'KeyC' }), 'alt', all)).toBe('confirm');
    expect(commandForKey(key('c'), 'off', all)).toBeNull();
    expect(commandForKey(key('c', { altKey: true, code: 'KeyC' }), 'single', all)).toBeNull();
  });

  it('keys that are not single characters work whatever the setting', () => {
    for (const mode of ['single', 'alt', 'off'] as const) {
      expect(commandForKey(key('z', { ctrlKey: true }), mode, all)).toBe('undo');
      expect(commandForKey(key('Z', { ctrlKey: true, shiftKey: true }), mode, all)).toBe('redo');
      expect(commandForKey(key('PageDown'), mode, all)).toBe('page-later');
      expect(commandForKey(key('Escape'), mode, all)).toBe('escape');
    }
  });

  it('tells Shift+N (every event) from N (twitches), and reads "+" and "?" as typed', () => {
    expect(commandForKey(key('N', { shiftKey: true }), 'single', all)).toBe('next-event');
    expect(commandForKey(key('n'), 'single', all)).toBe('next-twitch');
    expect(commandForKey(key('+', { shiftKey: true }), 'single', all)).toBe('zoom-in');
    expect(commandForKey(key('?', { shiftKey: true }), 'single', all)).toBe('shortcuts');
  });

  it('acts only in the active scopes', () => {
    expect(commandForKey(key('c'), 'single', new Set(['review']))).toBeNull();
    expect(commandForKey(key('o', { ctrlKey: true }), 'single', new Set(['app']))).toBe('open');
  });

  it('labels chords as the dialog shows them', () => {
    expect(chordLabel({ key: 'n', shift: true }, 'single')).toBe('Shift+N');
    expect(chordLabel({ key: 'c' }, 'alt')).toBe('Alt+C');
    expect(chordLabel({ key: 'z', mod: true, shift: true }, 'single', true)).toBe('Cmd+Shift+Z');
    expect(chordLabel({ key: '?', shift: true }, 'single')).toBe('?');
  });
});
