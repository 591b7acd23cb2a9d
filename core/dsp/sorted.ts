/** The first index of the ascending `a[0, length)` whose value is not below `v` (binary search). */
export function lowerBound(a: ArrayLike<number>, v: number, length = a.length): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
