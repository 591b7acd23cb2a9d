import { parseIsoMs } from '../import/time';

const ZONE = /(Z|[+-]\d{2}:?\d{2})$/;

/**
 * The wall-clock time `offsetS` seconds after a recording's start, as ISO 8601 with its zone. A start that
 * states a zone keeps it; one that does not (EDF, most device clocks) is the local time where it was
 * recorded, taken as this computer's zone at that date (`localOffsetMin` can be given for tests).
 * Null when the recording does not say when it started.
 */
export function absoluteTime(start: string | null, offsetS: number, localOffsetMin?: (wallMs: number) => number): string | null {
  if (!start) return null;
  const wall = parseIsoMs(start.replace(ZONE, ''));
  if (!Number.isFinite(wall)) return null;
  const zone = ZONE.exec(start.trim());
  const at = wall + Math.round(offsetS * 1000);
  let offsetMin: number;
  if (zone) offsetMin = zone[1] === 'Z' ? 0 : zoneMinutes(zone[1]);
  else offsetMin = (localOffsetMin ?? machineOffsetMin)(at);
  const text = new Date(at).toISOString().replace('Z', '');
  return `${text}${offsetMin === 0 && zone?.[1] === 'Z' ? 'Z' : formatZone(offsetMin)}`;
}

function zoneMinutes(z: string): number {
  const d = z.replace(':', '');
  const sign = d[0] === '-' ? -1 : 1;
  return sign * (Number(d.slice(1, 3)) * 60 + Number(d.slice(3, 5)));
}

function formatZone(min: number): string {
  const sign = min < 0 ? '-' : '+';
  const a = Math.abs(min);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** This computer's UTC offset, in minutes east, for a wall-clock time (given as if it were UTC). */
function machineOffsetMin(wallMs: number): number {
  const d = new Date(wallMs);
  const local = new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
  return -local.getTimezoneOffset();
}
