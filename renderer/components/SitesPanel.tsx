import type { Analysis } from '../../core/analysis/types';
import type { SessionApi } from '../session/useSession';
import { SiteSelect } from './SiteSelect';

/** Body sites per analysed channel and the optional subject name, both saved with the user's work. */
export function SitesPanel({ analysis, session }: { analysis: Analysis; session: SessionApi }) {
  return (
    <div className="page" data-testid="sites-panel">
      <section className="card" aria-labelledby="sites-title">
        <h2 id="sites-title">Body sites</h2>
        <p className="muted">Counts and rates are grouped by these sites. Changes apply at once and can be undone (Ctrl+Z).</p>
        <table className="grid">
          <thead>
            <tr>
              <th scope="col">Channel</th>
              <th scope="col">Type</th>
              <th scope="col">Body site</th>
            </tr>
          </thead>
          <tbody>
            {analysis.channels.map((c) => (
              <tr key={c.id}>
                <td>{c.label}</td>
                <td>{c.kind === 'emg' ? 'EMG' : `Accelerometer (${c.axes?.join(', ') ?? ''})`}</td>
                <td>
                  <SiteSelect id={c.id} label={c.label} value={c.site} onChange={(s) => session.setSite(c.id, s)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {!session.state.loaded?.recording.startTime && (
        <section className="card" aria-labelledby="date-title">
          <h2 id="date-title">Recording date</h2>
          <p className="muted">This file does not say when it was recorded. Give the date so the recording can be placed in Trends; it is saved with your work.</p>
          <div className="subject">
            <label htmlFor="recorded-at">Recorded on</label>
            <input
              id="recorded-at"
              type="datetime-local"
              value={session.state.recordedAt ? session.state.recordedAt.slice(0, 16) : ''}
              onChange={(e) => session.setRecordedAt(e.target.value ? `${e.target.value}:00` : null)}
              data-testid="recorded-at"
            />
          </div>
        </section>
      )}
      <section className="card" aria-labelledby="subject-title">
        <h2 id="subject-title">Subject</h2>
        <div className="subject">
          <label htmlFor="subject-input">Name or initials for the report (optional)</label>
          <input id="subject-input" value={session.state.subject} maxLength={80} onChange={(e) => session.setSubject(e.target.value)} data-testid="subject" />
        </div>
      </section>
    </div>
  );
}
