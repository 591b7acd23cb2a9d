import { CONTEXT_FIELDS, CONTEXT_MAX_CHARS, type ContextField, type RecordingContext } from '../../core/review/context';

interface Props {
  context: RecordingContext;
  onContextChange(next: RecordingContext): void;
}

/** How the recording was made and what the person feels: labelled text fields the report prints as typed. */
export function RecordingContextForm({ context, onContextChange }: Props) {
  const set = (id: ContextField, value: string) => onContextChange({ ...context, [id]: value });
  return (
    <form className="gp-context" data-testid="recording-context" onSubmit={(e) => e.preventDefault()}>
      <fieldset className="gp-group">
        <legend>About this recording</legend>
        <p className="gp-hint" id="gp-context-hint">
          For the report: a clinician reads the numbers with these in mind. Leave out anything you do not know.
        </p>
        {CONTEXT_FIELDS.map((f) => (
          <label key={f.id} className="gp-context-field">
            <span>{f.label}</span>
            <input
              type="text"
              value={context[f.id]}
              maxLength={CONTEXT_MAX_CHARS}
              placeholder={f.example}
              aria-describedby="gp-context-hint"
              onChange={(e) => set(f.id, e.target.value)}
              data-testid={`context-${f.id}`}
            />
          </label>
        ))}
      </fieldset>
    </form>
  );
}
