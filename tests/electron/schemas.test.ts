import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../electron/ipc/channels';
import { LIMITS, REQUEST_SCHEMAS, validateRequest } from '../../electron/ipc/schemas';

const TOKEN = '0123456789abcdef0123456789abcdef';

describe('IPC request schemas', () => {
  it('has exactly one schema per channel', () => {
    expect(Object.keys(REQUEST_SCHEMAS).sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('accepts well-formed payloads and returns them typed', () => {
    expect(validateRequest('file:read', { token: TOKEN, offset: 0, length: 65536 })).toEqual({
      ok: true,
      value: { token: TOKEN, offset: 0, length: 65536 },
    });
    expect(validateRequest('file:open-dialog', {}).ok).toBe(true);
    expect(validateRequest('file:save', { suggestedName: 'events.csv', data: 'a,b\n', mimeType: 'text/csv' }).ok).toBe(true);
    expect(
      validateRequest('file:save', { suggestedName: 'analysis.json', data: new Uint8Array([1, 2]), mimeType: 'application/json' }).ok,
    ).toBe(true);
    expect(validateRequest('report:save-pdf', { suggestedName: 'Report 2026-11-24.pdf', html: '<p>x</p>' }).ok).toBe(true);
    expect(validateRequest('sidecar:save', { key: '/home/a/calf.csv', text: '{}' }).ok).toBe(true);
    expect(validateRequest('file:open-dropped', { path: 'C:\\Users\\a\\calf.csv', size: 10 }).ok).toBe(true);
  });

  const bad: [string, Parameters<typeof validateRequest>[0], unknown][] = [
    ['missing payload', 'file:read', undefined],
    ['array instead of object', 'file:read', [TOKEN, 0, 10]],
    ['class instance', 'file:open-dialog', new Date()],
    ['unknown field', 'file:open-dialog', { path: '/etc/passwd' }],
    ['extra field on read', 'file:read', { token: TOKEN, offset: 0, length: 1, path: '/etc/passwd' }],
    ['token of the wrong shape', 'file:read', { token: '../../x', offset: 0, length: 1 }],
    ['negative offset', 'file:read', { token: TOKEN, offset: -1, length: 1 }],
    ['fractional length', 'file:read', { token: TOKEN, offset: 0, length: 1.5 }],
    ['length over the per-message limit', 'file:read', { token: TOKEN, offset: 0, length: LIMITS.readBytes + 1 }],
    ['offset as a string', 'file:read', { token: TOKEN, offset: '0', length: 1 }],
    ['name with a directory', 'file:save', { suggestedName: '../../.bashrc', data: 'x', mimeType: 'text/plain' }],
    ['name with a backslash', 'file:save', { suggestedName: '..\\evil.csv', data: 'x', mimeType: 'text/csv' }],
    ['name that is ..', 'report:save-pdf', { suggestedName: '..', html: '<p/>' }],
    ['empty name', 'report:save-pdf', { suggestedName: '', html: '<p/>' }],
    ['name with NUL', 'file:save', { suggestedName: 'a\u0000.csv', data: 'x', mimeType: 'text/csv' }],
    ['data as a number array', 'file:save', { suggestedName: 'a.csv', data: [1, 2, 3], mimeType: 'text/csv' }],
    ['made-up media type', 'file:save', { suggestedName: 'a.csv', data: 'x', mimeType: 'text/csv; x=<script>' }],
    ['empty report', 'report:save-pdf', { suggestedName: 'r.pdf', html: '' }],
    ['path with NUL', 'sidecar:load', { key: '/tmp/a.csv\u0000.json' }],
    ['empty key', 'sidecar:load', { key: '' }],
    ['sidecar text as object', 'sidecar:save', { key: '/tmp/a.csv', text: { a: 1 } }],
    ['dropped size missing', 'file:open-dropped', { path: '/tmp/a.csv' }],
    ['null', 'recent:list', null],
  ];
  it.each(bad)('refuses %s', (_label, channel, payload) => {
    const result = validateRequest(channel, payload);
    expect(result.ok).toBe(false);
  });

  it('refuses sidecar text over the size limit', () => {
    const huge = 'x'.repeat(LIMITS.sidecarChars + 1);
    expect(validateRequest('sidecar:save', { key: '/tmp/a.csv', text: huge }).ok).toBe(false);
  });
});
