import { describe, expect, it } from 'vitest';
import { parseLibrary } from '../../core/library/parse';
import { LIBRARY_SCHEMA } from '../../core/library/schema';
import { parseSidecar, SIDECAR_SCHEMA } from '../../core/review/sidecar';
import { parseSettings, SETTINGS_SCHEMA } from '../../electron/settings/schema';

/** The reason each reader gives for a file it cannot read, or null when it reads or keeps the file. */
function reasons(body: (schema: string) => string) {
  const library = parseLibrary(body(LIBRARY_SCHEMA));
  const settings = parseSettings(body(SETTINGS_SCHEMA));
  const sidecar = parseSidecar(body(SIDECAR_SCHEMA));
  return {
    library: library.kind === 'bad' ? library.reason : null,
    settings: settings.kind === 'broken' ? settings.reason : null,
    sidecar: sidecar.ok ? null : sidecar.reason,
  };
}

describe('every kind of file says the same thing of the same envelope problem', () => {
  it('a file that is not JSON', () => {
    expect(reasons(() => '{"schema":')).toEqual({
      library: 'the library file is not valid JSON',
      settings: 'is not valid JSON',
      sidecar: 'The saved work file is not valid JSON.',
    });
  });

  it('a file with no version names no made-up version', () => {
    const r = reasons((schema) => JSON.stringify({ schema }));
    expect(r).toEqual({
      library: 'the library file has no version',
      settings: 'has no version',
      sidecar: 'The saved work file has no version.',
    });
    expect(Object.values(r).join(' ')).not.toMatch(/undefined/);
  });

  it('an older version says which one it is', () => {
    expect(reasons((schema) => JSON.stringify({ schema, version: -3 }))).toEqual({
      library: 'the library file has version -3, which this version cannot read',
      settings: 'has version -3, which this version cannot read',
      sidecar: 'The saved work file has version -3, which this version cannot read.',
    });
  });

  it('a newer file is kept by the library and settings, and refused with its version by saved work', () => {
    const r = reasons((schema) => JSON.stringify({ schema, version: 99 }));
    expect(r.library).toBeNull();
    expect(r.settings).toBeNull();
    expect(r.sidecar).toBe('The saved work file was written by a newer version of TwitchScope (version 99).');
  });

  it('another program\'s JSON', () => {
    expect(reasons(() => JSON.stringify({ schema: 'other', version: 1 }))).toEqual({
      library: 'the library file is not a TwitchScope library',
      settings: 'is not a TwitchScope settings file',
      sidecar: 'The saved work file is not a TwitchScope file.',
    });
  });
});
