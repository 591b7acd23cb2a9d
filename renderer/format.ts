/** Numbers and times as people read them in this app. */

export function formatClock(s: number, decimals = 0): string {
  if (!Number.isFinite(s)) return '–';
  const sign = s < 0 ? '-' : '';
  const a = Math.abs(s);
  const h = Math.floor(a / 3600);
  const m = Math.floor((a % 3600) / 60);
  const sec = a % 60;
  const secText = sec.toFixed(decimals).padStart(decimals > 0 ? 3 + decimals : 2, '0');
  return h > 0 ? `${sign}${h}:${String(m).padStart(2, '0')}:${secText}` : `${sign}${m}:${secText}`;
}

export function formatDuration(s: number): string {
  if (!Number.isFinite(s)) return '–';
  if (s < 1) return `${Math.round(s * 1000)} ms`;
  if (s < 90) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  if (s < 5400) return `${(s / 60).toFixed(1)} min`;
  return `${(s / 3600).toFixed(2)} h`;
}

export function formatUnit(unit: string): string {
  return unit === 'uV' ? 'µV' : unit;
}

export function formatAmount(x: number, unit: string): string {
  if (!Number.isFinite(x)) return '–';
  const digits = Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : Math.abs(x) >= 1 ? 2 : 3;
  return `${x.toFixed(digits)} ${formatUnit(unit)}`;
}

export function formatRate(perMin: number): string {
  return Number.isFinite(perMin) ? perMin.toFixed(perMin >= 10 ? 1 : 2) : '–';
}

export function formatHz(hz: number): string {
  return `${hz >= 100 ? Math.round(hz) : Number(hz.toPrecision(4))} Hz`;
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
