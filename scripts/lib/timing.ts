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

/**
 * The one size unit of every benchmark figure: MB = 10^6 bytes of UTF-8 (KB = 10^3 bytes). Bytes, not
 * characters, because bytes are what a page, a file or the index weighs on the wire and on disk, and they are
 * the same measure in every language; decimal, as the SI prefix says and as a file size is written.
 */
export const MB = 1_000_000;
/** KB in the same sense as {@link MB}: 10^3 bytes. */
export const KB = 1_000;

/** Size of a text in {@link MB} (its UTF-8 bytes / 10^6). */
export function mbOf(text: string): number {
  return Buffer.byteLength(text, 'utf8') / MB;
}

/** The longest prefix of `text` of at most `bytes` UTF-8 bytes (never cutting a character). */
export function prefixOfBytes(text: string, bytes: number): string {
  const buf = Buffer.from(text.slice(0, bytes), 'utf8');
  if (buf.length <= bytes) return text.slice(0, bytes);
  // Cut at a character start: a UTF-8 continuation byte is 10xxxxxx.
  let end = bytes;
  while (end > 0 && (buf[end]! & 0xc0) === 0x80) end--;
  return buf.subarray(0, end).toString('utf8');
}

/** The `p`th percentile (0–100) of `xs`, nearest rank: the smallest value with at least p % of the values at or below it. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) throw new Error('percentile of no values');
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** The median of `xs` (the lower middle of an even count: nearest rank, as {@link percentile}). */
export function median(xs: readonly number[]): number {
  return percentile(xs, 50);
}

/** `x` rounded to `digits` decimals. */
export function round(x: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
