/**
 * The worker's handle on the bundled citation index.
 *
 * MV3 stops an idle service worker after ~30 s and the next message starts a fresh one, so nothing here is
 * state that must survive: the index is (re)opened lazily on the first request after each wake, from files
 * shipped in the extension (`index/…`); its files load on demand inside the index (`openIndex` reads
 * nothing at opening). A failed open or read is not cached, so a later request retries instead of a dead
 * worker.
 */
import { type CitationIndex, IndexError } from '../core/index';
import type { IndexFetcher } from '../core/index/types';
import { ProtocolFailure } from '../shared/messaging';

/** Opens an index; injected so tests can point the service at files or at a failing fetcher. */
export type IndexOpener = () => Promise<CitationIndex>;

/** A lazily opened index with retry-after-failure, shared by every handler of one worker life. */
export interface IndexService {
  /** The open index; throws {@link ProtocolFailure} `index-unavailable` when it cannot be opened. */
  get(): Promise<CitationIndex>;
  /** Whether the index answered a request in this worker life (the `ping` message reports it). */
  isLoaded(): boolean;
  /** Runs `fn` on the index, turning index errors (missing/corrupt files) into `index-unavailable`. */
  use<T>(fn: (index: CitationIndex) => Promise<T>): Promise<T>;
}

/** A fetcher that reads `index/<path>` from the extension's own files (`getURL` is `runtime.getURL`). */
export function extensionFetcher(
  getURL: (path: string) => string,
  doFetch: typeof fetch = fetch,
): IndexFetcher {
  return async (path) => {
    const res = await doFetch(getURL(`index/${path}`));
    if (!res.ok) throw new IndexError('missing', path, `HTTP ${res.status}`);
    // Text for JSON files; the index decides how to parse. Binary (gzip) files are handed over as the body's
    // stream, which the index inflates as the bytes arrive.
    if (path.endsWith('.json')) return res.text();
    return res.body ?? res.arrayBuffer();
  };
}

/** Creates the lazy index holder. `open` defaults to the shipped index via {@link extensionFetcher}. */
export function createIndexService(open: IndexOpener): IndexService {
  let pending: Promise<CitationIndex> | undefined;
  let loaded = false;
  const get = (): Promise<CitationIndex> => {
    if (!pending) {
      pending = open().catch((e: unknown) => {
        pending = undefined; // retry on the next request
        throw unavailable(e);
      });
    }
    return pending;
  };
  return {
    get,
    isLoaded: () => loaded,
    async use(fn) {
      const index = await get();
      try {
        const result = await fn(index);
        loaded = true;
        return result;
      } catch (e) {
        throw e instanceof IndexError ? unavailable(e) : e;
      }
    },
  };
}

function unavailable(e: unknown): ProtocolFailure {
  if (e instanceof ProtocolFailure) return e;
  return new ProtocolFailure('index-unavailable', e instanceof Error ? e.message : String(e));
}
