interface Props {
  label: string;
  fraction: number;
  onCancel(): void;
}

/** Import and analysis progress; the work runs in the worker, so this dialog stays responsive. */
export function ProgressOverlay({ label, fraction, onCancel }: Props) {
  const pct = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <div className="progress-backdrop">
      <div className="progress-card" role="dialog" aria-modal="true" aria-labelledby="progress-label" data-testid="progress">
        <div id="progress-label">{label}…</div>
        <progress max={100} value={pct} aria-label={`${label}, ${pct} percent`} />
        <div className="actions">
          <span className="muted num" style={{ marginRight: 'auto' }}>
            {pct} %
          </span>
          <button onClick={onCancel} data-testid="cancel" autoFocus title="Stop (Esc)">
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
