/** The session's error (an alert) or notice (a status line), with a button to dismiss it. */
export function MessageBanner({ error, notice, onDismiss }: { error: string | null; notice: string | null; onDismiss(): void }) {
  const message = error ?? notice;
  if (!message) return null;
  return (
    <div className={`banner${error ? ' error' : ''}`} role={error ? 'alert' : 'status'} data-testid={error ? 'error' : 'notice'}>
      <span>{message}</span>
      <span className="spacer" />
      <button onClick={onDismiss} aria-label="Dismiss message">
        Dismiss
      </button>
    </div>
  );
}
