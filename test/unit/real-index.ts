/**
 * The citation index built from the committed data/ and opened as the worker opens it, for unit tests that
 * check what a reader sees on real entries (the tables' own rows, not entries written for the test).
 */
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildIndex } from '../../scripts/lib/build-index.ts';
import { loadIndex, type ManifestIndex } from '../../src/core/index/index.ts';
import type { IndexFetcher } from '../../src/core/index/types.ts';

/** The opened index and every key it stores. */
export interface RealIndex {
  index: ManifestIndex;
  /** Every key the shards hold (entries with data and stubs). */
  keys: string[];
}

function bytes(v: Uint8Array | string): Uint8Array {
  return typeof v === 'string' ? new TextEncoder().encode(v) : v;
}

/** Builds data/ in memory (seconds) and opens it; call once per test file, in `beforeAll`. */
export async function openRealIndex(): Promise<RealIndex> {
  const files = buildIndex(join(import.meta.dirname, '../../data')).files;
  const fetcher: IndexFetcher = async (path) => {
    const v = files.get(path);
    if (v === undefined) throw new Error(`404 ${path}`);
    const u = bytes(v);
    return u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;
  };
  const keys: string[] = [];
  for (const [path, v] of files) {
    if (!/^shards\/\d+\.json(\.gz)?$/.test(path)) continue;
    const raw = path.endsWith('.gz') ? gunzipSync(bytes(v)) : bytes(v);
    keys.push(...Object.keys(JSON.parse(new TextDecoder().decode(raw)).records));
  }
  return { index: await loadIndex(fetcher), keys };
}
