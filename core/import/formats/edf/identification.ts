import type { ImportWarning } from '../../../recording';

/**
 * When and of whom: the start date and time fields, and EDF+'s subfields of the patient and recording
 * identification (Kemp & Olivan 2003, section 2.1.3). Plain EDF leaves both identifications free text.
 */

export const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

export interface StartStamp {
  /** ISO 8601 local date and time as the header states it (EDF has no time zone), or null. */
  iso: string | null;
  warnings: ImportWarning[];
}

/**
 * `dd.mm.yy` + `hh.mm.ss`; years 85-99 are 1985-1999 and 00-84 are 2000-2084 (the specification's clipping
 * date). EDF+ writes the four-digit year in the recording field's `Startdate dd-MMM-yyyy`, which wins, and
 * writes `yy` in the date field from 2085 on.
 */
export function startStamp(date: string, time: string, recordingField: string, plus: boolean): StartStamp {
  const warnings: ImportWarning[] = [];
  const d = /^(\d{2})\.(\d{2})\.(\d{2}|yy)$/.exec(date);
  const t = /^(\d{2})\.(\d{2})\.(\d{2})$/.exec(time);
  if (!t || +t[1] > 23 || +t[2] > 59 || +t[3] > 60) {
    warnings.push({ message: `the start time field (byte 176) reads "${time}", not hh.mm.ss: the recording's clock time is not known` });
    return { iso: null, warnings };
  }
  // EDF+ says "Startdate X" when the date is not known; the date field then holds a placeholder.
  if (plus && /^Startdate\s+X(\s|$)/.test(recordingField)) return { iso: null, warnings };
  const sub = plus ? startdateSubfield(recordingField) : null;
  let year: number | null = null;
  let month: number | null = null;
  let day: number | null = null;
  if (d) {
    day = +d[1];
    month = +d[2];
    if (d[3] !== 'yy') year = +d[3] >= 85 ? 1900 + +d[3] : 2000 + +d[3];
  }
  if (sub) {
    if (d && (sub.day !== day || sub.month !== month)) {
      warnings.push({ message: `the start date field says ${date} but the recording field says Startdate ${sub.text}: the Startdate subfield is used` });
    }
    ({ year, month, day } = sub);
  }
  if (year === null || month === null || day === null || !validDate(year, month, day)) {
    warnings.push({ message: `the start date field (byte 168) reads "${date}", not a date as dd.mm.yy: the recording's date is not known` });
    return { iso: null, warnings };
  }
  const iso = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}T${t[1]}:${t[2]}:${t[3]}`;
  return { iso, warnings };
}

function startdateSubfield(recording: string): { year: number; month: number; day: number; text: string } | null {
  const m = /^Startdate\s+(\d{2})-([A-Za-z]{3})-(\d{4})(?:\s|$)/.exec(recording);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2].toUpperCase()) + 1;
  if (month === 0) return null;
  return { day: +m[1], month, year: +m[3], text: `${m[1]}-${m[2]}-${m[3]}` };
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The identification fields as facts for `Recording.meta`. EDF+ splits them into subfields separated by
 * spaces, with `X` for "not known" and `_` for spaces inside a subfield; anything else is kept as written.
 */
export function identificationMeta(patient: string, recording: string, plus: boolean): Record<string, string> {
  const meta: Record<string, string> = {};
  const put = (key: string, value: string | undefined) => {
    if (value !== undefined && value !== '' && value !== 'X') meta[key] = value.replace(/_/g, ' ');
  };
  const p = patient.split(/\s+/);
  const r = recording.split(/\s+/);
  if (plus && p.length >= 4) {
    put('patient code', p[0]);
    put('sex', p[1]);
    put('birthdate', p[2]);
    put('patient name', p[3]);
    put('patient (more)', p.slice(4).join(' '));
  } else if (patient !== '') {
    meta.patient = patient;
  }
  if (plus && r[0] === 'Startdate' && r.length >= 5) {
    put('hospital administration code', r[2]);
    put('technician', r[3]);
    put('equipment', r[4]);
    put('recording (more)', r.slice(5).join(' '));
  } else if (recording !== '') {
    meta.recording = recording;
  }
  return meta;
}
