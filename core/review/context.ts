/**
 * How the recording was made and what the person feels, as they enter it: the facts a clinician needs to
 * read the numbers (where the electrodes sat, which muscle, in what posture) and two from the history (how
 * long the symptoms have lasted, where the person feels weak). Saved with the work; printed on the report.
 */

export interface RecordingContext {
  /** Montage or electrode placement: "bipolar, 2 cm apart along the fibres, reference on the tibia". */
  placement: string;
  /** The exact muscle: "left medial gastrocnemius". */
  muscle: string;
  /** Posture during the recording: "lying on the back, legs supported". */
  posture: string;
  /** How long the symptoms have lasted: "about 3 months". */
  symptomDuration: string;
  /** The side or site the person feels weak, if any: "left hand grip", "none". */
  weakness: string;
}

export type ContextField = keyof RecordingContext;

export interface ContextFieldInfo {
  id: ContextField;
  /** Label in the app and on the report. */
  label: string;
  /** An example the form shows as a placeholder. */
  example: string;
}

export const CONTEXT_FIELDS: readonly ContextFieldInfo[] = [
  { id: 'placement', label: 'Electrode placement', example: 'e.g. two electrodes 2 cm apart along the muscle, reference on the shin bone' },
  { id: 'muscle', label: 'Muscle', example: 'e.g. left calf, inner head (medial gastrocnemius)' },
  { id: 'posture', label: 'Posture', example: 'e.g. lying on the back, legs supported' },
  { id: 'symptomDuration', label: 'Symptoms for', example: 'e.g. about 3 months' },
  { id: 'weakness', label: 'Weakness felt in', example: 'e.g. left hand grip, or none' },
];

/** Long enough for a placement note, short enough to keep the report's header to a few lines. */
export const CONTEXT_MAX_CHARS = 160;

export const EMPTY_CONTEXT: RecordingContext = { placement: '', muscle: '', posture: '', symptomDuration: '', weakness: '' };

/** Context read back from storage or typed in: known fields only, text only, trimmed to the limit. */
export function sanitizeContext(raw: unknown): RecordingContext {
  const out: RecordingContext = { ...EMPTY_CONTEXT };
  if (typeof raw !== 'object' || raw === null) return out;
  const record = raw as Record<string, unknown>;
  for (const f of CONTEXT_FIELDS) {
    const v = record[f.id];
    if (typeof v === 'string') out[f.id] = v.replace(/\s+/g, ' ').trim().slice(0, CONTEXT_MAX_CHARS);
  }
  return out;
}

/** The fields the person filled in, labelled, in form order. */
export function contextFacts(context: RecordingContext | undefined): Array<[string, string]> {
  if (!context) return [];
  return CONTEXT_FIELDS.filter((f) => context[f.id].trim() !== '').map((f) => [f.label, context[f.id].trim()]);
}
