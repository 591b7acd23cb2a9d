import { isFiniteNumber, isRecord } from './check';

/**
 * Every file TwitchScope writes opens the same way: `{ "schema": NAME, "version": N, ... }`. What a reader
 * finds there, before it reads its own fields. Each kind of file says in its own words what it does with each
 * case; a newer version's file is always the user's to keep, never to overwrite.
 */
export type Envelope =
  | { kind: 'not-json' }
  | { kind: 'not-object'; raw: unknown }
  | { kind: 'other-schema'; raw: Record<string, unknown> }
  | { kind: 'no-version'; raw: Record<string, unknown> }
  | { kind: 'older'; version: number; raw: Record<string, unknown> }
  | { kind: 'newer'; version: number; raw: Record<string, unknown> }
  | { kind: 'current'; raw: Record<string, unknown> };

export function readEnvelope(text: string, schema: string, version: number): Envelope {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { kind: 'not-json' };
  }
  if (!isRecord(raw)) return { kind: 'not-object', raw };
  if (raw.schema !== schema) return { kind: 'other-schema', raw };
  if (!isFiniteNumber(raw.version)) return { kind: 'no-version', raw };
  if (raw.version > version) return { kind: 'newer', version: raw.version, raw };
  if (raw.version < version) return { kind: 'older', version: raw.version, raw };
  return { kind: 'current', raw };
}

/**
 * Why a file cannot be read as this version, as a predicate every kind of file puts after its own name
 * ("the library file …", "Settings file …"), so the same case reads the same way for each. `what` names the
 * kind of file ("library", "settings file").
 */
export function envelopeProblem(envelope: Exclude<Envelope, { kind: 'current' }>, what: string): string {
  switch (envelope.kind) {
    case 'not-json':
      return 'is not valid JSON';
    case 'not-object':
    case 'other-schema':
      return `is not a TwitchScope ${what}`;
    case 'no-version':
      return 'has no version';
    case 'older':
      return `has version ${envelope.version}, which this version cannot read`;
    case 'newer':
      return `was written by a newer version of TwitchScope (version ${envelope.version})`;
  }
}
