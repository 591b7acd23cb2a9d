import { csvRow } from '../csv/write';
import type { Channel } from '../recording';

/**
 * The generic layout the importer reads: `#` comment lines, a header `time_s,<label> (<unit>),...`, one row
 * per sample; an empty cell is a missing sample. All channels must share one rate.
 */
export function genericCsv(channels: readonly Channel[], comments: Record<string, string> = {}, digits: { uV?: number; g?: number } = {}): string {
  if (channels.length === 0) throw new Error('no channels to write');
  const fs = channels[0].sampleRateHz;
  const n = channels[0].data.length;
  if (channels.some((c) => c.sampleRateHz !== fs || c.data.length !== n)) throw new Error('generic CSV needs channels of one rate and length');
  const lines: string[] = [];
  for (const [k, v] of Object.entries({ rate_hz: String(fs), ...comments })) lines.push(`# ${k} = ${v}`);
  lines.push(csvRow(['time_s', ...channels.map((c) => `${c.label} (${c.unit})`)]));
  const places = channels.map((c) => (c.unit === 'g' ? (digits.g ?? 5) : (digits.uV ?? 2)));
  const timeDigits = exactDecimals(1 / fs);
  const row: string[] = new Array(channels.length + 1);
  for (let i = 0; i < n; i++) {
    row[0] = (i / fs).toFixed(timeDigits);
    for (let c = 0; c < channels.length; c++) {
      const v = channels[c].data[i];
      row[c + 1] = v === v ? v.toFixed(places[c]) : '';
    }
    lines.push(row.join(','));
  }
  return lines.join('\n') + '\n';
}

/** Fewest decimals (up to 6) that write multiples of `step` exactly, so the importer sees an even grid. */
function exactDecimals(step: number): number {
  for (let d = 0; d < 6; d++) {
    const scaled = step * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9) return d;
  }
  return 6;
}

const EXG_CHANNELS = 8;
const ACCEL_UPDATE_HZ = 25;

/**
 * OpenBCI GUI v6 "Raw EXG Data" text (as in OpenBCI_GUI-v6-blinks-jawClench-alpha.txt): `%` header lines,
 * a column-name row, 8 EXG channels in µV, accelerometer in g held between its 25 Hz updates, digital and
 * analog columns, epoch-ms and formatted timestamps, CRLF line ends. Channels beyond those given carry
 * `filler` noise so the file has the board's eight.
 */
export function openBciRaw(emg: readonly Channel[], accel: readonly Channel[], startEpochMs: number, filler: (channel: number, i: number) => number): string {
  if (emg.length === 0 || emg.length > EXG_CHANNELS) throw new Error('OpenBCI files hold 1 to 8 EXG channels');
  const fs = emg[0].sampleRateHz;
  const n = emg[0].data.length;
  const out: string[] = [
    '%OpenBCI Raw EXG Data',
    `%Number of channels = ${EXG_CHANNELS}`,
    `%Sample Rate = ${fs} Hz`,
    '%Board = OpenBCI_GUI$BoardCytonSerial',
    [
      'Sample Index',
      ...Array.from({ length: EXG_CHANNELS }, (_, i) => `EXG Channel ${i}`),
      'Accel Channel 0',
      'Accel Channel 1',
      'Accel Channel 2',
      'Not Used',
      'Digital Channel 0 (D11)',
      'Digital Channel 1 (D12)',
      'Digital Channel 2 (D13)',
      'Digital Channel 3 (D17)',
      'Not Used',
      'Digital Channel 4 (D18)',
      'Analog Channel 0',
      'Analog Channel 1',
      'Analog Channel 2',
      'Timestamp',
      'Marker Channel',
      'Timestamp (Formatted)',
    ].join(', '),
  ];
  const hold = [0, 0, 0];
  const holdEvery = Math.max(1, Math.round(fs / ACCEL_UPDATE_HZ));
  for (let i = 0; i < n; i++) {
    const exg: string[] = [];
    for (let c = 0; c < EXG_CHANNELS; c++) {
      const v = c < emg.length ? emg[c].data[i] : filler(c, i);
      exg.push(v === v ? v.toFixed(2) : 'NaN');
    }
    if (i % holdEvery === 0) {
      for (let a = 0; a < 3; a++) {
        const ch = accel[a];
        if (!ch) continue;
        const j = Math.min(ch.data.length - 1, Math.floor((i / fs) * ch.sampleRateHz));
        const v = ch.data[j];
        if (v === v) hold[a] = v;
      }
    }
    const ms = startEpochMs + Math.round((i * 1000) / fs);
    out.push(
      `${i % 256}, ${exg.join(', ')}, ${hold.map((v) => v.toFixed(3)).join(', ')},0,0,0,0,0,0,0,0,0,0, ${ms},0, ${clock(ms)}`,
    );
  }
  return out.join('\r\n') + '\r\n';
}

function clock(epochMs: number): string {
  const d = new Date(epochMs);
  const two = (v: number): string => String(v).padStart(2, '0');
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
}
