/** Fixed-width ASCII header fields as the EDF specification writes them: left-aligned, space-padded. */

export function asciiField(text: string, width: number): string {
  // EDF headers are printable US-ASCII (32-126): anything else becomes a close ASCII spelling or '_'.
  const plain = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[µμ]/g, 'u')
    .replace(/[–—]/g, '-')
    .replace(/[^\x20-\x7e]/g, '_');
  return plain.slice(0, width).padEnd(width, ' ');
}

/**
 * A number in at most 8 characters, rounded towards `direction` so a physical minimum never rises above the
 * data and a maximum never falls below it.
 */
export function numberField(x: number, direction: 'down' | 'up' | 'near' = 'near', width = 8): string {
  for (let digits = width; digits >= 0; digits--) {
    const f = 10 ** digits;
    let v = direction === 'down' ? Math.floor(x * f) / f : direction === 'up' ? Math.ceil(x * f) / f : Math.round(x * f) / f;
    if (Object.is(v, -0)) v = 0;
    const s = plainNumber(v, digits);
    if (s.length <= width) return s;
  }
  throw new RangeError(`${x} does not fit an EDF number field`);
}

function plainNumber(v: number, digits: number): string {
  const s = v.toFixed(digits);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** Seconds in a TAL: a sign, then up to 7 decimals (below any sample period TwitchScope reads). */
export function talSeconds(s: number, signed: boolean): string {
  const text = String(Math.round(s * 1e7) / 1e7);
  if (!signed) return text;
  return s < 0 ? text : `+${text}`;
}
