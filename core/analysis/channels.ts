import type { Channel, Recording } from '../recording';
import { formatSite, parseSite, siteFromLabel } from '../sites';
import type { AnalysedChannel } from './types';

/**
 * What gets analysed: each EMG channel alone, each accelerometer sensor as one vector of its axes,
 * in file order. Sites come from `sites` (by id), else from a body-site word in the label.
 */
export function analysedChannels(rec: Recording, sites: Record<string, string | null>): AnalysedChannel[] {
  const out: AnalysedChannel[] = [];
  const seenSensors = new Set<string>();
  for (const ch of rec.channels) {
    if (ch.kind === 'emg') {
      out.push({
        id: ch.id,
        label: ch.label,
        kind: 'emg',
        unit: ch.unit,
        sampleRateHz: ch.sampleRateHz,
        site: siteFor(ch.id, ch.label, sites),
      });
    } else if (ch.kind === 'accel' && ch.sensor && !seenSensors.has(ch.sensor)) {
      seenSensors.add(ch.sensor);
      const sensor = rec.sensors.find((s) => s.id === ch.sensor);
      if (!sensor) continue;
      out.push({
        id: sensor.id,
        label: sensor.label,
        kind: 'accel',
        unit: 'g',
        sampleRateHz: ch.sampleRateHz,
        site: siteFor(sensor.id, sensor.label, sites),
        axes: [...sensor.axes],
      });
    }
  }
  return out;
}

function siteFor(id: string, label: string, sites: Record<string, string | null>): string | null {
  if (id in sites) {
    const given = sites[id];
    if (given === null) return null;
    const parsed = parseSite(given);
    return parsed ? formatSite(parsed.site, parsed.side) : given.trim().toLowerCase();
  }
  const guess = siteFromLabel(label);
  return guess ? formatSite(guess.site, guess.side) : null;
}

/** The channels behind an analysed id: one EMG channel, or a sensor's axes. */
export function channelsOf(rec: Recording, id: string): Channel[] {
  const sensor = rec.sensors.find((s) => s.id === id);
  if (sensor) return sensor.channelIds.map((cid) => rec.channels.find((c) => c.id === cid)!).filter(Boolean);
  const ch = rec.channels.find((c) => c.id === id);
  return ch ? [ch] : [];
}
