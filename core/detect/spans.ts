/** Half-open sample ranges [start, end) and the few operations detection needs on sorted lists of them. */
export interface Span {
  start: number;
  end: number;
}

/** Sorts and merges spans that overlap or lie within `gap` samples of each other. */
export function mergeSpans(spans: readonly Span[], gap = 0): Span[] {
  // filter makes the copy that sort reorders; an index loop, not for-of (whose iterator protocol made this
  // function's TurboFan compile several times larger, late in the bench's runs).
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i];
    const last = out[out.length - 1];
    if (last && s.start <= last.end + gap) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** Widens each span by `margin` samples on both sides, within [0, length). */
export function dilateSpans(spans: readonly Span[], margin: number, length: number): Span[] {
  return mergeSpans(spans.map((s) => ({ start: Math.max(0, s.start - margin), end: Math.min(length, s.end + margin) })));
}

export function totalLength(spans: readonly Span[]): number {
  let n = 0;
  for (const s of spans) n += s.end - s.start;
  return n;
}

/** Whether [start, end) touches any span of a sorted, merged list (binary search). */
export function overlapsAny(sorted: readonly Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo].start < end;
}

/** Runs of non-zero entries of a mask. */
export function runsOf(mask: Uint8Array): Span[] {
  const out: Span[] = [];
  let start = -1;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i]) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push({ start, end: i });
      start = -1;
    }
  }
  if (start >= 0) out.push({ start, end: mask.length });
  return out;
}

/** The parts of [0, length) not covered by the sorted, merged spans. */
export function complement(sorted: readonly Span[], length: number): Span[] {
  const out: Span[] = [];
  let at = 0;
  for (const s of sorted) {
    if (s.start > at) out.push({ start: at, end: s.start });
    at = Math.max(at, s.end);
  }
  if (at < length) out.push({ start: at, end: length });
  return out;
}

/** NaN wherever no run reaches: the runs' samples are about to be written. */
export function nanOutside(a: Float32Array, runs: readonly Span[]): Float32Array {
  let at = 0;
  for (const r of runs) {
    a.fill(Number.NaN, at, r.start);
    at = r.end;
  }
  return a.fill(Number.NaN, at);
}

/** Samples of [from, to) covered by the spans. */
export function overlapLength(spans: readonly Span[], from: number, to: number): number {
  let total = 0;
  for (const s of spans) total += Math.max(0, Math.min(s.end, to) - Math.max(s.start, from));
  return total;
}

/** The runs with the `cut` spans (sorted, merged) taken out, keeping pieces of at least `minRun` samples. */
export function splitRuns(runs: readonly Span[], cut: readonly Span[], minRun: number): Span[] {
  const out: Span[] = [];
  for (const r of runs) {
    let at = r.start;
    for (const c of cut) {
      if (c.end <= at || c.start >= r.end) continue;
      if (c.start > at) out.push({ start: at, end: c.start });
      at = Math.max(at, c.end);
    }
    if (at < r.end) out.push({ start: at, end: r.end });
  }
  return out.filter((s) => s.end - s.start >= minRun);
}
