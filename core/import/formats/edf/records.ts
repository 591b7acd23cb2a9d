/**
 * Data records → samples. A record holds each signal's samples in header order, little-endian two's
 * complement: 16-bit for EDF, 24-bit for BDF. Physical value = digital × gain + offset, the linear map
 * that takes [digital min, digital max] onto [physical min, physical max] (EDF section 2.1.3).
 */

export interface SignalSlot {
  /** Byte offset of this signal's samples inside a record. */
  byteOffset: number;
  samplesPerRecord: number;
  gain: number;
  offset: number;
  /** Where the decoded samples go, record after record; null for annotation signals. */
  out: Float32Array | null;
}

/** Gain and offset of the digital → physical map, already multiplied by the unit's scale (mV → µV...). */
export function scaling(digitalMin: number, digitalMax: number, physicalMin: number, physicalMax: number, unitScale: number): { gain: number; offset: number } {
  const gain = (physicalMax - physicalMin) / (digitalMax - digitalMin);
  return { gain: gain * unitScale, offset: (physicalMin - digitalMin * gain) * unitScale };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Decodes `count` whole records from `chunk` (which starts at a record boundary) into each slot's output,
 * starting at record number `firstRecord`.
 */
export function decodeRecords(chunk: Uint8Array, count: number, recordBytes: number, bytesPerSample: 2 | 3, slots: readonly SignalSlot[], firstRecord: number): void {
  if (bytesPerSample === 3) {
    decode24(chunk, count, recordBytes, slots, firstRecord);
  } else if (LITTLE_ENDIAN && chunk.byteOffset % 2 === 0 && recordBytes % 2 === 0) {
    decode16Aligned(new Int16Array(chunk.buffer, chunk.byteOffset, chunk.length >> 1), count, recordBytes >> 1, slots, firstRecord);
  } else {
    decode16Bytes(chunk, count, recordBytes, slots, firstRecord);
  }
}

function decode16Aligned(words: Int16Array, count: number, recordWords: number, slots: readonly SignalSlot[], firstRecord: number): void {
  for (const s of slots) {
    const out = s.out;
    if (!out) continue;
    const n = s.samplesPerRecord;
    const g = s.gain;
    const o = s.offset;
    for (let r = 0; r < count; r++) {
      const src = r * recordWords + (s.byteOffset >> 1);
      const dst = (firstRecord + r) * n;
      for (let k = 0; k < n; k++) out[dst + k] = words[src + k] * g + o;
    }
  }
}

function decode16Bytes(b: Uint8Array, count: number, recordBytes: number, slots: readonly SignalSlot[], firstRecord: number): void {
  for (const s of slots) {
    const out = s.out;
    if (!out) continue;
    const n = s.samplesPerRecord;
    for (let r = 0; r < count; r++) {
      let p = r * recordBytes + s.byteOffset;
      const dst = (firstRecord + r) * n;
      for (let k = 0; k < n; k++, p += 2) out[dst + k] = (((b[p] | (b[p + 1] << 8)) << 16) >> 16) * s.gain + s.offset;
    }
  }
}

function decode24(b: Uint8Array, count: number, recordBytes: number, slots: readonly SignalSlot[], firstRecord: number): void {
  for (const s of slots) {
    const out = s.out;
    if (!out) continue;
    const n = s.samplesPerRecord;
    const g = s.gain;
    const o = s.offset;
    for (let r = 0; r < count; r++) {
      let p = r * recordBytes + s.byteOffset;
      const dst = (firstRecord + r) * n;
      for (let k = 0; k < n; k++, p += 3) out[dst + k] = (((b[p] | (b[p + 1] << 8) | (b[p + 2] << 16)) << 8) >> 8) * g + o;
    }
  }
}
