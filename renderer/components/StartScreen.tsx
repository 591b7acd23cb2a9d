import { useEffect, useState } from 'react';
import { usePlatform } from '../platform/context';
import type { OpenedFile, RecentFile } from '../../core/platform/api';
import { SAMPLES, openSample } from '../samples';

interface Props {
  onOpen(file: OpenedFile): void;
  onError(message: string): void;
}

/** First screen: open a file, reopen a recent one, or try a bundled sample. */
export function StartScreen({ onOpen, onError }: Props) {
  const platform = usePlatform();
  const [recent, setRecent] = useState<RecentFile[]>([]);

  useEffect(() => {
    platform.recentFiles().then(setRecent, () => setRecent([]));
  }, [platform]);

  const openDialog = async () => {
    const f = await platform.openFileDialog().catch((e: unknown) => {
      onError(e instanceof Error ? e.message : String(e));
      return null;
    });
    if (f) onOpen(f);
  };

  const openRecent = async (r: RecentFile) => {
    const f = await platform.openRecent(r.key).catch(() => null);
    if (f) onOpen(f);
    else onError(`${r.name} is no longer available here. Open it again with "Open recording…".`);
  };

  return (
    <main className="start" data-testid="start-screen">
      <div className="start-card">
        <div>
          <h1 tabIndex={-1} data-screen-heading>
            TwitchScope
          </h1>
          <p className="lead">
            Finds brief twitch-like spikes and longer cramp-like activity in EMG and accelerometer recordings, and
            summarises them by body site for you and your clinician. It describes the signal; it does not diagnose.
          </p>
        </div>
        <div className="dropzone">
          <button className="primary" onClick={openDialog} data-testid="open-recording" title="Open a recording (Ctrl+O)">
            Open recording…
          </button>
          <span className="muted">or drop a CSV or text export anywhere on this window</span>
        </div>
        <div className="start-columns">
          <section aria-labelledby="recent-title">
            <h2 id="recent-title">Recent files</h2>
            {recent.length === 0 ? (
              <p className="muted">Files you open appear here.</p>
            ) : (
              <ul data-testid="recent-files">
                {recent.map((r) => (
                  <li key={r.key}>
                    <button onClick={() => void openRecent(r)}>
                      <span>{r.name}</span>
                      <span className="muted">{new Date(r.openedAt).toLocaleDateString()}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="samples-title">
            <h2 id="samples-title">Open sample</h2>
            {SAMPLES.length === 0 ? (
              <p className="muted">No samples are bundled with this build.</p>
            ) : (
              <ul data-testid="samples">
                {SAMPLES.map((s) => (
                  <li key={s.name}>
                    <button
                      data-testid={`sample-${s.name}`}
                      onClick={() => openSample(s).then(onOpen, (e: unknown) => onError(e instanceof Error ? e.message : String(e)))}
                    >
                      <span>{s.name.replace(/[-_]+/g, ' ')}</span>
                      <span className="muted">example</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </main>
  );
}
