import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

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

let gcFn: (() => void) | undefined;
/**
 * A full garbage collection, so that heap figures measure what is kept, not what is waiting to be
 * collected. `--expose-gc` is set at run time (the benches run under tsx, without node flags).
 */
export function collectGarbage(): void {
  if (!gcFn) {
    setFlagsFromString('--expose-gc');
    gcFn = runInNewContext('gc') as () => void;
  }
  gcFn();
}
