/** Fill patterns so span classes differ by texture, not colour alone. */
const cache = new Map<string, CanvasPattern | null>();

export function hatchPattern(ctx: CanvasRenderingContext2D, colour: string, kind: 'diagonal' | 'cross' | 'dots' | 'horizontal', scale: number): CanvasPattern | string {
  const key = `${colour}|${kind}|${scale}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const size = Math.round(12 * scale);
  const tile = document.createElement('canvas');
  tile.width = size;
  tile.height = size;
  const t = tile.getContext('2d');
  if (!t) return colour;
  t.strokeStyle = colour;
  t.fillStyle = colour;
  t.lineWidth = Math.max(1, scale);
  if (kind === 'dots') {
    t.beginPath();
    t.arc(size / 2, size / 2, scale * 1.2, 0, Math.PI * 2);
    t.fill();
  } else if (kind === 'horizontal') {
    t.beginPath();
    t.moveTo(0, size / 2);
    t.lineTo(size, size / 2);
    t.stroke();
  } else {
    t.beginPath();
    t.moveTo(0, size);
    t.lineTo(size, 0);
    if (kind === 'cross') {
      t.moveTo(0, 0);
      t.lineTo(size, size);
    }
    t.stroke();
  }
  const p = ctx.createPattern(tile, 'repeat');
  cache.set(key, p);
  return p ?? colour;
}
