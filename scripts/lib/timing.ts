/** Best (smallest) wall time of `runs` calls of `fn`, in ms: the least noisy figure on a shared machine. */
export function best(runs: number, fn: () => void): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}
