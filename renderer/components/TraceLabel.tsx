import type { AnalysedChannel } from '../../core/analysis/types';
import { formatUnit } from '../../core/format';
import type { SignalView } from '../../core/view/display-signal';
import type { ChannelLayout } from './useTraceDisplay';

interface Props {
  channel: AnalysedChannel;
  channels: readonly AnalysedChannel[];
  /** How the filtered signal was conditioned (e.g. `20–450 Hz, 50 Hz hum notched`), or null when there is no choice. */
  filter: string | null;
  /** The signal drawn now, or null for a channel drawn as recorded with no choice. */
  view: SignalView | null;
  /** The raw signal is on its way from the worker. */
  pending: boolean;
  onToggleView(): void;
  layout: ChannelLayout;
  onLayout(next: ChannelLayout): void;
}

/** A trace's name, site, kind and the signal drawn, with the buttons that switch it, move it or hide it. */
export function TraceLabel({ channel, channels, filter, view, pending, onToggleView, layout, onLayout }: Props) {
  return (
    <div className="trace-label">
      <span className="name" title={channel.label}>
        {channel.label}
      </span>
      <span className="site" data-testid={`trace-site-${channel.id}`}>
        {channel.site ?? 'site not set'}
      </span>
      <span className="site">
        {channel.kind === 'emg' ? `EMG, ${formatUnit(channel.unit)}` : `Accel ${channel.axes?.join('/') ?? ''}, ${formatUnit(channel.unit)}`}
      </span>
      {view && (
        <span className={`site signal-view${view === 'raw' ? ' raw' : ''}`} data-testid={`trace-view-${channel.id}`} data-view={view}>
          {view === 'raw' ? 'Raw, as recorded' : `Filtered ${filter ?? ''}`}
        </span>
      )}
      <span className="trace-tools">
        {view && (
          <button
            aria-pressed={view === 'raw'}
            aria-busy={pending}
            onClick={onToggleView}
            aria-label={`Raw signal of ${channel.label}`}
            title={pending ? 'Preparing the raw signal… (press again to stay filtered)' : 'Draw this channel as recorded, with its offset, drift and hum, or filtered as the detector sees it'}
            data-testid={`raw-${channel.id}`}
          >
            {pending ? 'Raw…' : 'Raw'}
          </button>
        )}
        <button className="icon" onClick={() => onLayout(moveChannel(channels, layout, channel.id, -1))} aria-label={`Move ${channel.label} up`} title="Move up">
          ↑
        </button>
        <button className="icon" onClick={() => onLayout(moveChannel(channels, layout, channel.id, 1))} aria-label={`Move ${channel.label} down`} title="Move down">
          ↓
        </button>
        <button onClick={() => onLayout({ ...layout, hidden: [...layout.hidden, channel.id] })} aria-label={`Hide ${channel.label}`} data-testid={`hide-${channel.id}`}>
          Hide
        </button>
      </span>
    </div>
  );
}

/** The channels in the user's order (new ones at the end), without the hidden ones. */
export function arrangeChannels<T extends { id: string }>(channels: readonly T[], layout: ChannelLayout): T[] {
  const rank = (id: string) => {
    const i = layout.order.indexOf(id);
    return i < 0 ? layout.order.length + channels.findIndex((c) => c.id === id) : i;
  };
  return channels.filter((c) => !layout.hidden.includes(c.id)).sort((a, b) => rank(a.id) - rank(b.id));
}

function moveChannel(channels: ReadonlyArray<{ id: string }>, layout: ChannelLayout, id: string, dir: 1 | -1): ChannelLayout {
  const order = arrangeChannels(channels, { order: layout.order, hidden: [] }).map((c) => c.id);
  const i = order.indexOf(id);
  const j = i + dir;
  if (i < 0 || j < 0 || j >= order.length) return layout;
  [order[i], order[j]] = [order[j], order[i]];
  return { ...layout, order };
}
