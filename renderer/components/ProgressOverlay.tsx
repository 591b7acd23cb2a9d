import { Dialog } from '../a11y/Dialog';

interface Props {
  label: string;
  fraction: number;
  onCancel(): void;
}

/** Import and analysis progress; the work runs in the worker, so this dialog stays responsive. Esc cancels. */
export function ProgressOverlay({ label, fraction, onCancel }: Props) {
  const pct = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <Dialog title={`${label}…`} onClose={onCancel} closeOnBackdrop={false} testid="progress" className="progress-card">
      <progress max={100} value={pct} aria-label={`${label}, ${pct} percent`} />
      <div className="actions">
        <span className="muted num" style={{ marginRight: 'auto' }}>
          {pct} %
        </span>
        <button onClick={onCancel} data-testid="cancel" data-autofocus title="Stop (Esc)">
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
