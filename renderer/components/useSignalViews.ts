import { useCallback, useEffect, useRef, useState } from 'react';
import { channelsOf } from '../../core/analysis/channels';
import type { SignalView } from '../../core/view/display-signal';
import type { Pyramid } from '../../core/view/pyramid';
import { Cancelled } from '../worker/client';
import type { LoadedRecording } from '../worker/protocol';

export interface SignalViews {
  /**
   * The signal a channel is drawn from now (filtered until its raw signal has arrived), or null for a channel
   * drawn as recorded with no choice (accelerometers).
   */
  viewOf(channelId: string): SignalView | null;
  /** The raw pyramids (one per axis) of the channels drawn raw. */
  raw: ReadonlyMap<string, Pyramid[]>;
  /** Channels whose raw signal is on its way from the worker. */
  pending: ReadonlySet<string>;
  /** Raw if filtered, filtered if raw; a second press while the raw signal is coming calls it off. */
  toggle(channelId: string, label: string): void;
}

interface Deps {
  loaded: LoadedRecording;
  /** A recording channel's display pyramid, built in the worker. */
  pyramid(channelId: string, view: SignalView): Promise<Pyramid>;
  announce(text: string): void;
  notify(message: string): void;
}

const NONE = new Map<string, Pyramid[]>();

/**
 * Raw or filtered, per channel. The raw pyramid is asked of the worker when a channel is switched to it and
 * dropped when it is switched back, so a raw view costs memory only while someone looks at it.
 */
export function useSignalViews({ loaded, pyramid, announce, notify }: Deps): SignalViews {
  const [raw, setRaw] = useState<ReadonlyMap<string, Pyramid[]>>(NONE);
  const [pending, setPending] = useState<ReadonlySet<string>>(() => new Set());
  // The request each pending channel waits for: a result that is no longer awaited is dropped.
  const asked = useRef(new Map<string, number>());
  const nextAsk = useRef(1);

  useEffect(() => {
    asked.current.clear();
    setRaw(NONE);
    setPending(new Set());
  }, [loaded]);

  const settle = useCallback((id: string, pyramids: Pyramid[] | null) => {
    asked.current.delete(id);
    setPending((s) => without(s, id));
    if (pyramids) setRaw((m) => new Map(m).set(id, pyramids));
  }, []);

  const toggle = useCallback(
    (id: string, label: string) => {
      if (raw.has(id)) {
        setRaw((m) => {
          const next = new Map(m);
          next.delete(id);
          return next;
        });
        announce(`${label} drawn filtered, as the detector sees it`);
        return;
      }
      if (asked.current.has(id)) {
        settle(id, null);
        return;
      }
      const ask = nextAsk.current++;
      asked.current.set(id, ask);
      setPending((s) => new Set(s).add(id));
      Promise.all(channelsOf(loaded.recording, id).map((ch) => pyramid(ch.id, 'raw'))).then(
        (pyramids) => {
          if (asked.current.get(id) !== ask) return;
          settle(id, pyramids);
          announce(`${label} drawn raw, as recorded`);
        },
        (err: unknown) => {
          if (asked.current.get(id) !== ask) return;
          settle(id, null);
          if (!(err instanceof Cancelled)) notify(`The raw signal of ${label} could not be shown: ${err instanceof Error ? err.message : String(err)}`);
        },
      );
    },
    [raw, loaded, pyramid, announce, notify, settle],
  );

  const viewOf = useCallback(
    (id: string): SignalView | null => (raw.has(id) ? 'raw' : channelsOf(loaded.recording, id).some((ch) => loaded.display[ch.id]) ? 'filtered' : null),
    [raw, loaded],
  );
  return { viewOf, raw, pending, toggle };
}

function without(s: ReadonlySet<string>, id: string): ReadonlySet<string> {
  if (!s.has(id)) return s;
  const next = new Set(s);
  next.delete(id);
  return next;
}
