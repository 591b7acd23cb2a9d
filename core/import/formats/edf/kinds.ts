import type { Axis, ChannelKind } from '../../../recording';
import { sensorLabelOf } from '../../labels';
import { parseUnit, type UnitInfo } from '../../units';
import { siteFromLabel } from '../../../sites';

/**
 * What an EDF signal holds, from its label and physical dimension: EMG is a voltage whose label says EMG or
 * names a muscle or body site (sleep studies' chin and leg leads); an accelerometer is in g, mg or m/s².
 * EEG, EOG, ECG, respiration and the rest are imported as `other`: shown, not analysed.
 */
export interface SignalKind {
  kind: ChannelKind;
  unit: UnitInfo;
  axis?: Axis;
  sensorLabel?: string;
  /** Why a signal that names EMG is not analysed (an envelope, not the raw signal). */
  notRaw?: string;
}

/** Whole words, numbered or not (`Chin1-Chin2`, `EMG2`). */
const EMG_WORDS = /\b(emg|semg|chin|submental|mentalis|tibialis|tib|leg|legs|plm|lat|rat|muscle|masseter)\d*\b/;
const NOT_EMG = /\b(?:eeg|eog|ecg|ekg|ecog|seeg|resp|respiration|thorax|abdomen|abdo|flow|airflow|nasal|snore|spo2|sao2|pleth|pulse|hr|position|pos|light|temp|status|trigger|event|marker|stim|annotations?)\d*\b/;
/** Prefilters that leave an envelope (Sleep-EDF's chin EMG is rectified and low-passed to 1 Hz). */
const ENVELOPE = /rectif|envelope|\brms\b|integrat|smooth/i;

export function signalKind(label: string, physicalDimension: string, prefiltering: string): SignalKind {
  const unit = parseUnit(physicalDimension) ?? { unit: '', scale: 1, kind: null };
  const words = label.toLowerCase().replace(/[_.:/()[\]-]+/g, ' ');
  if (unit.kind === 'accel') {
    return { kind: 'accel', unit, ...axisOf(words), sensorLabel: sensorLabelOf(label) };
  }
  if (unit.kind === 'emg' && !NOT_EMG.test(words) && (EMG_WORDS.test(words) || siteFromLabel(label) !== null)) {
    if (ENVELOPE.test(prefiltering)) {
      return { kind: 'other', unit, notRaw: `"${label}" was recorded as an envelope (prefiltering: ${prefiltering}), not as raw EMG: imported, not analysed` };
    }
    return { kind: 'emg', unit };
  }
  return { kind: 'other', unit: unit.kind === null ? unit : { ...unit, kind: null } };
}

function axisOf(words: string): { axis?: Axis } {
  const m = /(?:^|\s)([xyz])(?:\s|$)|acc([xyz])\b|\b([xyz])\s*axis\b/.exec(words.trim());
  const a = m && (m[1] ?? m[2] ?? m[3]);
  return a ? { axis: a as Axis } : {};
}
