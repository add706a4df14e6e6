/** The Node-side reader for the index loader: files under a directory, as the worker reads URLs. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IndexFetcher } from '../../src/core/index/types.ts';

/** A fetcher reading `dir/path` (ArrayBuffer, as `fetch().arrayBuffer()` gives the worker). */
export function fileFetcher(dir: string): IndexFetcher {
  return async (path) => {
    const buf = await readFile(join(dir, path));
    return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  };
}
