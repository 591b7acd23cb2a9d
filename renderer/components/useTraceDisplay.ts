import { useState } from 'react';
import type { Analysis } from '../../core/analysis/types';
import { defaultGain, stepGain } from '../../core/view/gain';

/** Channel order and the channels hidden from the traces (the list and counts keep them). */
export interface ChannelLayout {
  order: readonly string[];
  hidden: readonly string[];
}

/**
 * How the traces are laid out and scaled: the EMG gain (null: fit each channel), the page PgUp/PgDn moves by,
 * channel order and hiding, and the event groups switched off on the traces.
 */
export function useTraceDisplay(analysis: Analysis) {
  const [emgGain, setEmgGain] = useState<number | null>(() => gainFor(analysis));
  const [pageS, setPageS] = useState(10);
  const [layout, setLayout] = useState<ChannelLayout>({ order: [], hidden: [] });
  const [hiddenGroups, setHiddenGroups] = useState<ReadonlySet<string>>(() => new Set());
  const step = (dir: 1 | -1): number => {
    const g = stepGain(emgGain ?? gainFor(analysis), dir);
    setEmgGain(g);
    return g;
  };
  return { emgGain, setEmgGain, stepGain: step, pageS, setPageS, layout, setLayout, hiddenGroups, setHiddenGroups };
}

/** The shared EMG gain that fits this recording's twitches (accelerometers always fit their data). */
function gainFor(analysis: Analysis): number {
  const emg = new Set(analysis.channels.filter((c) => c.kind === 'emg').map((c) => c.id));
  const amps = analysis.events.filter((e) => e.type === 'twitch' && emg.has(e.channel)).map((e) => e.amplitude);
  return defaultGain(amps, analysis.summary.channels.filter((s) => emg.has(s.channel)).map((s) => s.noiseFloor));
}
