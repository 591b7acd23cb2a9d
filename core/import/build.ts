import { formatDuration } from '../format';
import type { Channel, ImportWarning, Recording, TimingReport } from '../recording';
import type { TableCollector } from './collect';
import { ImportError } from './errors';
import type { ClockPlan, TablePlan } from './plan';
import { placeOnGrid, regrid, type Grid } from './regrid';
import { isoAt, zoneOfIso } from './dates';
import { setAsideDead } from './dead';
import { groupSensors } from './sensors';
import { isEpoch, isIsoDateTime, parseIsoMs } from './time';
import { gather, holdUpdates, nonZeroUpdates } from './updates';


/** Rates a time column may give: one sample per ~3 hours (epoch summaries) up to the 1 MHz a user may type. */
const MIN_RATE_HZ = 1e-4;
const MAX_RATE_HZ = 1e6;

/**
 * Collected columns + plan → Recording: samples placed on uniform grids, timing checked, sensors grouped.
 * `onProgress` hears the fraction done after the grids and after each channel's check for signal.
 */
export function buildRecording(
  plan: TablePlan,
  collected: TableCollector,
  file: string,
  sizeBytes: number,
  fingerprint: string,
  onProgress?: (fraction: number) => void,
): Recording {
  const warnings: ImportWarning[] = [...plan.warnings, ...collected.warnings()];
  const grids: (Grid | null)[] = plan.clocks.map((c, k) =>
    c.type === 'column' ? gridOf(collected, k, c, plan.signals.filter((s) => s.clock === k).length, file) : null,
  );

  onProgress?.(0.5);
  let origin = Infinity;
  plan.clocks.forEach((c, k) => {
    const g = grids[k];
    if (c.type === 'column' && g && g.length > 0) origin = Math.min(origin, g.t0);
  });
  if (!Number.isFinite(origin)) origin = 0;
  const startTime = startOf(plan, grids, collected, warnings);
  checkClocksAgree(plan, grids, file);

  const timing: TimingReport[] = [];
  const channels: Channel[] = [];
  plan.signals.forEach((s, j) => {
    const clock = plan.clocks[s.clock];
    const raw = collected.signals[j].trimmed();
    let data: Float32Array;
    let rate: number;
    let startS: number;
    if (clock.type === 'rate') {
      data = raw;
      rate = clock.rateHz;
      startS = clock.startS;
    } else {
      const g = grids[s.clock]!;
      if (g.rateHz <= 0 || !Number.isFinite(g.rateHz)) {
        throw new ImportError(
          file,
          `cannot work out the sample rate of "${s.label}" from its time column (no two distinct times)`,
          'pass the rate with --rate, or check the time column',
          undefined,
          clock.column + 1,
        );
      }
      data = placeOnGrid(raw, g);
      rate = g.rateHz;
      startS = g.t0 - origin;
      if (!timing.some((t) => t.channelId === `clock${s.clock}`)) {
        timing.push({ channelId: `clock${s.clock}`, ...g.report });
      }
    }
    channels.push({
      id: s.id,
      label: s.label,
      column: s.column + 1,
      kind: s.kind,
      unit: s.unit,
      sampleRateHz: rate,
      startS,
      data,
      ...(s.sensor ? { sensor: s.sensor } : {}),
      ...(s.axis ? { axis: s.axis } : {}),
      ...(s.resolution ? { resolution: s.resolution } : {}),
      ...(s.range ? { range: s.range } : {}),
    });
  });
  nameTimingReports(plan, grids, timing, warnings);

  if (plan.ratesFromLengths) rateFromLengths(channels);
  resampleUpdates(plan, channels, warnings);
  for (const [j, c] of channels.entries()) {
    if (c.data.length > 0 && !(c.sampleRateHz >= MIN_RATE_HZ && c.sampleRateHz < MAX_RATE_HZ)) {
      throw new ImportError(
        file,
        `the sample rate of "${c.label}" works out at ${c.sampleRateHz.toPrecision(3)} Hz, which no recording has`,
        'check the rate the file states and the unit of its time column (seconds, milliseconds...), or pass the rate with --rate',
        undefined,
        plan.signals[j].column + 1,
      );
    }
  }
  inferAccelUnits(plan, channels, warnings);
  setAsideDead(plan, channels, warnings, (j) => onProgress?.(0.5 + (0.5 * (j + 1)) / channels.length));

  const sensors = groupSensors(plan, channels);

  const nonEmpty = channels.filter((c) => c.data.length > 0);
  if (nonEmpty.length === 0) {
    throw new ImportError(
      file,
      `no data rows found after line ${plan.firstDataLine}`,
      'the file has a header but no samples; check that the export finished',
    );
  }
  const durationS = Math.max(...nonEmpty.map((c) => c.startS + c.data.length / c.sampleRateHz));
  return {
    file,
    format: plan.formatId,
    formatName: plan.formatName,
    startTime,
    durationS,
    channels,
    sensors,
    warnings,
    timing,
    sizeBytes,
    fingerprint,
    meta: plan.meta,
    ...(notRawOf(plan, nonEmpty) ?? {}),
  };
}

/**
 * What the format says about derived values, else: every signal slower than one sample a second holds
 * summaries over periods (epoch counts, averages), not the raw samples twitches need.
 */
function notRawOf(plan: TablePlan, channels: readonly Channel[]): { notRaw: string } | null {
  if (plan.notRaw) return { notRaw: plan.notRaw };
  if (channels.length === 0 || !channels.every((c) => c.sampleRateHz < 1)) return null;
  const period = Number((1 / Math.max(...channels.map((c) => c.sampleRateHz))).toPrecision(3));
  return { notRaw: `this file holds one value every ${period} s: summaries over periods, not raw samples, so twitches cannot be found in it (export the raw samples instead)` };
}

/** Apart by more than any zone offset: a header's start and the file's own times that disagree this much are not the same moment. */
const START_DISAGREES_S = 15 * 3600;

/**
 * The recording's start: the first time of the earliest clock that says when (Unix or ISO, keeping the zone
 * an ISO time states), else the start the header states. Each row's own time outranks a header line.
 */
function startOf(plan: TablePlan, grids: readonly (Grid | null)[], collected: TableCollector, warnings: ImportWarning[]): string | null {
  const header = statedStartTime(plan.startTime, warnings);
  let first = -1;
  for (let k = 0; k < plan.clocks.length; k++) {
    const c = plan.clocks[k];
    const g = grids[k];
    if (c.type === 'column' && g && g.length > 0 && isEpoch(c.unit) && (first < 0 || g.t0 < grids[first]!.t0)) first = k;
  }
  const clock = plan.clocks[first];
  if (first < 0 || clock.type !== 'column') return header;
  const fromClock = isoAt(grids[first]!.t0, clock.unit === 'iso' ? zoneOfIso(collected.firstTimeText[first] ?? '') : 'Z');
  if (fromClock === null) return header;
  const stated = header === null ? NaN : parseIsoMs(header);
  if (Math.abs(stated - parseIsoMs(fromClock)) > START_DISAGREES_S * 1000) {
    warnings.push({ message: `the header gives the start as ${header}, but the file's first time is ${fromClock}: the file's times are used` });
  }
  return fromClock;
}

/** Timing reports name the first channel on each clock, and say what was odd about its times. */
function nameTimingReports(plan: TablePlan, grids: readonly (Grid | null)[], timing: TimingReport[], warnings: ImportWarning[]): void {
  for (const t of timing) {
    const k = Number(t.channelId.slice(5));
    const clock = plan.clocks[k];
    const stated = grids[k]?.stated === true && clock.type === 'column';
    const j = plan.signals.findIndex((s) => s.clock === k);
    t.channelId = plan.signals[j]?.id ?? t.channelId;
    const label = plan.signals[j]?.label ?? '';
    if (t.gaps > 0) warnings.push({ message: `time column of "${label}" has ${t.gaps} gap${t.gaps === 1 ? '' : 's'} (${t.gapS.toFixed(1)} s in all); they are kept as gaps` });
    if (t.nonMonotonic > 0) warnings.push({ message: `time column of "${label}" goes backwards ${t.nonMonotonic} time${t.nonMonotonic === 1 ? '' : 's'}; those samples are dropped` });
    if (stated) {
      warnings.push({ message: `the time column of "${label}" is stamped as packets arrive (${t.duplicates} repeated times): samples are timed by the stated ${clock.nominalRateHz} Hz, and the column only marks pauses` });
      continue;
    }
    if (t.duplicates > 0) warnings.push({ message: `time column of "${label}" repeats a time ${t.duplicates} time${t.duplicates === 1 ? '' : 's'}; samples are kept in file order` });
    if (t.jitter > 0.01) warnings.push({ message: spreadNote(label, t, grids[k]?.rateHz ?? 0) });
  }
}

/**
 * Steps that differ by one print resolution (0.2 and 0.3 ms at 4 kHz written to 0.1 ms) are a regular clock
 * rounded as written, not an irregular one: said as such, with the rate their mean gives.
 */
function spreadNote(label: string, t: TimingReport, rateHz: number): string {
  const resolution = t.jitter * t.medianIntervalS;
  const quanta = t.medianIntervalS / resolution;
  if (resolution > 0 && Math.abs(quanta - Math.round(quanta)) < 0.01 && rateHz > 0) {
    return `time column of "${label}" is written to ${formatSeconds(resolution)}, so its steps differ by that much: the rate is their mean, ${Number(rateHz.toPrecision(5))} Hz`;
  }
  return `time column of "${label}" is irregular (interval spread ${(t.jitter * 100).toFixed(0)}% of the median); samples are placed on a uniform grid`;
}

function formatSeconds(s: number): string {
  return s >= 1 ? `${Number(s.toPrecision(3))} s` : s >= 1e-3 ? `${Number((s * 1e3).toPrecision(3))} ms` : `${Number((s * 1e6).toPrecision(3))} µs`;
}

/**
 * Samples the channels of one clock may hold together once gaps are laid out: 4× their rows, or 2^24
 * (64 MB: a single channel may pause 2.3 h at 2 kHz, eight channels 17 min), whichever is more. Past that
 * a broken time column would cost gigabytes, however small the file.
 */
const GRID_BUDGET = 1 << 24;

function gridOf(collected: TableCollector, k: number, clock: ClockPlan & { type: 'column' }, signals: number, file: string): Grid {
  const times = collected.times[k]!.view();
  const column = clock.column;
  const g = regrid(times, Math.max(4 * times.length, Math.floor(GRID_BUDGET / Math.max(1, signals))), clock.nominalRateHz);
  if (!g.tooLong) return g;
  const { sample, fromS, toS } = g.tooLong;
  // Rows are lines one to one unless blank lines or rows without a time were skipped.
  const oneToOne = times.length === collected.rows && collected.lastLine - collected.firstLine + 1 === collected.rows;
  throw new ImportError(
    file,
    `the time column jumps ahead by ${durationText(toS - fromS)} (from ${fromS} to ${toS}); a gap that long cannot be kept`,
    'if the device paused, export each part as its own file; if the time column is wrong, pass the rate with --rate to ignore it',
    oneToOne ? collected.firstLine + sample : undefined,
    column + 1,
  );
}

/**
 * Time columns of one file that start further apart than a day and ten times the longest of them: one
 * clock is broken (a time cell off by years), and laying both on one time line would span that gap.
 */
function checkClocksAgree(plan: TablePlan, grids: (Grid | null)[], file: string): void {
  let first = -1;
  let last = -1;
  let longest = 0;
  grids.forEach((g, k) => {
    if (!g || g.length === 0) return;
    if (first < 0 || g.t0 < grids[first]!.t0) first = k;
    if (last < 0 || g.t0 > grids[last]!.t0) last = k;
    longest = Math.max(longest, g.length / g.rateHz);
  });
  if (first < 0) return;
  const apart = grids[last]!.t0 - grids[first]!.t0;
  if (apart <= Math.max(86400, 10 * longest)) return;
  const clock = plan.clocks[last];
  throw new ImportError(
    file,
    `two time columns of this file start ${durationText(apart)} apart, so one of them is wrong`,
    'check the time columns, or pass the rate with --rate to ignore them',
    undefined,
    clock.type === 'column' ? clock.column + 1 : undefined,
  );
}

/** Under a day as the app and the report write durations; longer (a broken clock), in days or years rather than thousands of hours. */
function durationText(s: number): string {
  if (s >= 365.25 * 86400) return `${(s / (365.25 * 86400)).toPrecision(3)} years`;
  if (s >= 86400) return `${(s / 86400).toPrecision(3)} days`;
  return formatDuration(s);
}

/**
 * Accelerometer columns whose header names no unit: at rest the vector magnitude is 1 g, so its median tells
 * g (≈1), m/s² (≈9.8) and milli-g (≈1000) apart.
 */
/**
 * The start a format read from the file's own text, kept only when it is a date and time: a file opened as the
 * wrong format (or damaged) would otherwise give the report a row of numbers as the date it was recorded.
 */
function statedStartTime(text: string | null, warnings: ImportWarning[]): string | null {
  if (text === null || (isIsoDateTime(text) && !Number.isNaN(parseIsoMs(text)))) return text;
  warnings.push({ message: `the start time the file gives ("${text.slice(0, 40)}") is not a date and time; the recording is shown without a date` });
  return null;
}

function inferAccelUnits(plan: TablePlan, channels: Channel[], warnings: ImportWarning[]): void {
  for (const sp of plan.sensors) {
    const members = channels.filter((c) => c.sensor === sp.id && c.unit === '?');
    if (members.length === 0) continue;
    const n = Math.min(...members.map((m) => m.data.length));
    const step = Math.max(1, Math.floor(n / 20_000));
    const mags: number[] = [];
    for (let i = 0; i < n; i += step) {
      let s2 = 0;
      for (const m of members) s2 += m.data[i] * m.data[i];
      if (Number.isFinite(s2)) mags.push(Math.sqrt(s2));
    }
    mags.sort((a, b) => a - b);
    const median = mags.length ? mags[mags.length >> 1] : 0;
    let scale = 1;
    let unit = 'g';
    if (median > 400) {
      scale = 1e-3;
      unit = 'mg';
    } else if (median > 4) {
      scale = 1 / 9.80665;
      unit = 'm/s^2';
    }
    for (const m of members) {
      if (scale !== 1) for (let i = 0; i < m.data.length; i++) m.data[i] *= scale;
      m.unit = 'g';
    }
    warnings.push({
      message: `no unit in the header of accelerometer "${sp.label}": read as ${unit} from its typical magnitude (${median.toPrecision(3)}); set the unit in the import check if that is wrong`,
    });
  }
}

/** Rates of side-by-side columns from their lengths, snapped to a whole number of Hz when within 0.5 %. */
function rateFromLengths(channels: Channel[]): void {
  const ref = channels[0];
  if (!ref || ref.data.length === 0) return;
  for (const c of channels.slice(1)) {
    if (c.data.length === 0) continue;
    const r = (ref.sampleRateHz * c.data.length) / ref.data.length;
    const snapped = Math.round(r);
    c.sampleRateHz = snapped > 0 && Math.abs(r - snapped) / snapped < 0.005 ? snapped : r;
  }
}

/** Sensors logged on a faster row clock keep one sample per update (see updates.ts). */
function resampleUpdates(plan: TablePlan, channels: Channel[], warnings: ImportWarning[]): void {
  const bySensor = new Map<string, { mode: 'hold' | 'zeros'; idx: number[] }>();
  plan.signals.forEach((s, j) => {
    if (!s.updates || !s.sensor) return;
    const e = bySensor.get(s.sensor) ?? { mode: s.updates, idx: [] };
    e.idx.push(j);
    bySensor.set(s.sensor, e);
  });
  for (const { mode, idx } of bySensor.values()) {
    const axes = idx.map((j) => channels[j].data);
    const u = mode === 'hold' ? holdUpdates(axes) : nonZeroUpdates(axes);
    if (!u) continue;
    const rowRate = channels[idx[0]].sampleRateHz;
    if (mode === 'hold') {
      for (const j of idx) {
        const c = channels[j];
        c.data = gather(c.data, u.positions);
        c.startS += u.positions[0] / rowRate;
        c.sampleRateHz = rowRate / u.period;
      }
    } else {
      const times = new Float64Array(u.positions.length);
      for (let k = 0; k < times.length; k++) times[k] = u.positions[k] / rowRate;
      const g = regrid(times);
      for (const j of idx) {
        const c = channels[j];
        c.data = placeOnGrid(gather(c.data, u.positions), g);
        c.startS += g.t0;
        c.sampleRateHz = g.rateHz;
      }
    }
    warnings.push({
      message: `accelerometer "${channels[idx[0]].label}" updates every ${u.period} rows: kept one sample per update (${(rowRate / u.period).toFixed(1)} Hz)`,
    });
  }
}
