/**
 * The index built from the committed data/ and opened as the worker opens it (its files served from memory),
 * for tests that check what a reader gets from the real data.
 */
import { join } from 'node:path';
import { buildIndex } from '../../../scripts/lib/build-index.ts';
import { loadIndex, type ManifestIndex } from '../../../src/core/index/index.ts';
import type { IndexFetcher } from '../../../src/core/index/types.ts';

/** Builds the index from data/ and opens it; `files` are the built files by path (as index/ ships them). */
export async function openBuiltIndex(): Promise<{
  index: ManifestIndex;
  files: Map<string, Uint8Array | string>;
}> {
  const files = buildIndex(join(import.meta.dirname, '../../../data')).files;
  const fetcher: IndexFetcher = async (path) => {
    const v = files.get(path);
    if (v === undefined) throw new Error(`404 ${path}`);
    const u = typeof v === 'string' ? new TextEncoder().encode(v) : v;
    return u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;
  };
  return { index: await loadIndex(fetcher), files };
}
