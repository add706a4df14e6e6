import type { Lang, Placement } from '../mention';
import { bodyOfSymbol, linksFor, parseKey, sessionOfKey, shardOf } from './keys';
import { own } from './own';
import { type SearchScript, scriptOf } from './search-options';
import { type SearchDocsFile, type SearchGroupFile, scoreQuery, searchTerms, termGroup } from './text-search';
import {
  type Card,
  type CardInstrument,
  INDEX_FORMAT_VERSION,
  INDEX_LAYOUT,
  type IndexEntry,
  type IndexFetcher,
  type IndexLayout,
  type IndexManifest,
  PLACEMENT_BITS,
  type SearchHit,
  type SeriesRecord,
  type ShardRecord,
  type StoredEdge,
  type Trace,
  type TraceEdge,
} from './types';

/** Why the index could not answer: the card shows the code and message; the worker keeps running. */
export type IndexErrorCode = 'missing' | 'corrupt' | 'version';

/** A typed index failure (missing file, truncated or corrupt JSON, wrong format version). */
export class IndexError extends Error {
  override readonly name = 'IndexError';
  constructor(
    readonly code: IndexErrorCode,
    readonly path: string,
    message: string,
  ) {
    super(`index ${code}: ${path}: ${message}`);
  }
}

interface ShardFile {
  format: number;
  shard: number;
  records: Record<string, ShardRecord>;
}

interface SeriesFile {
  format: number;
  shard: number;
  series: Record<string, SeriesRecord>;
}

const PLACEMENTS = Object.entries(PLACEMENT_BITS) as [Placement, number][];

/**
 * Inflates gzip bytes with the web-standard DecompressionStream (service worker, page and Node 18+). A stream
 * (a fetch's body) is inflated as its bytes arrive, not after the whole file was read.
 */
function gunzip(raw: ArrayBuffer | ReadableStream<Uint8Array<ArrayBuffer>>): Promise<ArrayBuffer> {
  const stream = raw instanceof ArrayBuffer ? new Blob([raw]).stream() : raw;
  return new Response(stream.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
}

/**
 * Reads the text of one index file through the injected fetcher (inflating `.gz` files); every
 * failure becomes an {@link IndexError} so callers never see a bare TypeError.
 */
async function readText(fetcher: IndexFetcher, path: string, gzip: boolean): Promise<string> {
  const file = gzip ? `${path}.gz` : path;
  let raw: Awaited<ReturnType<IndexFetcher>>;
  try {
    raw = await fetcher(file);
  } catch (err) {
    if (err instanceof IndexError) throw err;
    throw new IndexError('missing', file, err instanceof Error ? err.message : String(err));
  }
  try {
    if (typeof raw === 'string') {
      if (gzip) throw new Error('gzip file read as text');
      return raw;
    }
    const bytes = gzip
      ? await gunzip(raw)
      : raw instanceof ArrayBuffer
        ? raw
        : await new Response(raw).arrayBuffer();
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (err) {
    throw new IndexError('corrupt', file, err instanceof Error ? err.message : 'unreadable');
  }
}

/** {@link readText} then JSON.parse, a parse failure being an {@link IndexError} `corrupt`. */
async function readJson(fetcher: IndexFetcher, path: string, gzip = false): Promise<unknown> {
  const text = await readText(fetcher, path, gzip);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new IndexError(
      'corrupt',
      gzip ? `${path}.gz` : path,
      err instanceof Error ? err.message : 'bad JSON',
    );
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkFormat(v: unknown, path: string, field: string): Record<string, unknown> {
  if (!isObject(v)) throw new IndexError('corrupt', path, 'not an object');
  if (v.format !== INDEX_FORMAT_VERSION)
    throw new IndexError('version', path, `format ${String(v.format)}, expected ${INDEX_FORMAT_VERSION}`);
  if (typeof v[field] !== 'object' || v[field] === null)
    throw new IndexError('corrupt', path, `no "${field}"`);
  return v;
}

/** Reads and checks shard file `n`. */
async function readShard(fetcher: IndexFetcher, n: number, gzip: boolean): Promise<ShardFile> {
  const path = `shards/${n}.json`;
  const v = checkFormat(await readJson(fetcher, path, gzip), path, 'records');
  if (v.shard !== n) throw new IndexError('corrupt', path, `holds shard ${String(v.shard)}`);
  return v as unknown as ShardFile;
}

function edges(stored: StoredEdge[] | undefined): TraceEdge[] {
  return (stored ?? []).map(([key, count, mask]) => ({
    key,
    count,
    placements: PLACEMENTS.filter(([, bit]) => (mask & bit) !== 0).map(([p]) => p),
  }));
}

/**
 * The instrument a Treaty Series citation names: the protocol or amendment whose volumes hold the cited
 * volume, else the treaty itself (its own volume cited, or none). A cited volume that neither the treaty
 * nor any instrument of the number is known in resolves to that volume alone, so a card never shows the
 * treaty's title for what may be a later protocol.
 */
export function resolveInstrument(
  entry: IndexEntry | undefined,
  volume: number | undefined,
): CardInstrument | undefined {
  const own = entry?.volumes ?? [];
  const itself = (): CardInstrument => ({
    match: 'treaty',
    volumes: own,
    ...(entry?.title ? { title: entry.title } : {}),
    ...(entry?.titles ? { titles: entry.titles } : {}),
    ...(entry?.date ? { date: entry.date } : {}),
    ...(entry?.registered ? { registered: entry.registered } : {}),
    ...(entry?.mtdsg ? { mtdsg: entry.mtdsg } : {}),
    ...(entry?.sources ? { sources: entry.sources } : {}),
  });
  if (volume === undefined || !Number.isInteger(volume) || volume <= 0) return entry ? itself() : undefined;
  if (own.includes(volume)) return itself();
  const later = entry?.instruments?.find((i) => i.volumes.includes(volume));
  if (later) return { ...later, match: 'instrument' };
  return { match: 'volume', volumes: [volume] };
}

/**
 * The citation index as the worker sees it. Creating it reads nothing; shards (by hash of the key), series and
 * the search index are fetched on first use and kept for the life of the worker, so a cold lookup costs one
 * file, its key's shard. Every file read is checked (format version, shard number), so a missing, broken or
 * foreign index fails at that read as an {@link IndexError}.
 */
export class CitationIndex {
  private readonly shardCache = new Map<number, Promise<ShardFile>>();
  private readonly seriesCache = new Map<number, Promise<SeriesFile>>();
  private readonly docsCache = new Map<SearchScript, Promise<SearchDocsFile>>();
  private readonly groupCache = new Map<string, Promise<SearchGroupFile>>();
  private docPositions: Map<string, number> | undefined;

  private readonly gzip: boolean;

  /** `layout`: how the build laid the files out ({@link INDEX_LAYOUT}, or what a manifest says). */
  constructor(
    readonly layout: IndexLayout,
    private readonly fetcher: IndexFetcher,
  ) {
    this.gzip = layout.compression === 'gzip';
  }

  private cached<K, T>(cache: Map<K, Promise<T>>, k: K, load: () => Promise<T>): Promise<T> {
    let p = cache.get(k);
    if (!p) {
      p = load();
      // A failed read is not remembered: the next call retries (the file may have been a transient miss).
      p.catch(() => cache.delete(k));
      cache.set(k, p);
    }
    return p;
  }

  private shard(n: number): Promise<ShardFile> {
    return this.cached(this.shardCache, n, () => readShard(this.fetcher, n, this.gzip));
  }

  private seriesShard(n: number): Promise<SeriesFile> {
    return this.cached(this.seriesCache, n, async () => {
      const path = `series/${n}.json`;
      const v = checkFormat(await readJson(this.fetcher, path, this.gzip), path, 'series');
      return v as unknown as SeriesFile;
    });
  }

  /** The stored record of a canonical key, or undefined. Rejects with {@link IndexError}. */
  async record(key: string): Promise<ShardRecord | undefined> {
    const file = await this.shard(shardOf(key, this.layout.shards));
    return own(file.records, key);
  }

  /**
   * The card for a key (any spelling `parseKey` understands): the stored entry with its links, or,
   * for a key the data does not hold, a card derived from the key alone (body, session, years, links).
   * For a Treaty Series key, `volume` (the volume the citation gives) picks the instrument registered
   * under the number ({@link resolveInstrument}); the links open that instrument's volumes.
   */
  async lookup(input: string, lang: Lang = 'en', volume?: number): Promise<Card> {
    const parsed = parseKey(input);
    const key = parsed?.key ?? input.trim();
    const rec = await this.record(key);
    const entry = rec?.entry;
    const derived = sessionOfKey(key);
    const body = entry?.body ?? parsed?.body ?? bodyOfSymbol(key);
    const instrument = body === 'UNTS' || body === 'LNTS' ? resolveInstrument(entry, volume) : undefined;
    return {
      key,
      kind: entry?.kind ?? parsed?.kind ?? 'document',
      body,
      known: entry !== undefined && !entry.stub,
      entry,
      session: entry?.session ?? derived.session,
      years: derived.years,
      ...(instrument ? { instrument } : {}),
      links: linksFor(key, lang, {
        undlRecords: entry?.undlRecords,
        volumes: instrument ? instrument.volumes : entry?.volumes,
        mtdsg: instrument ? instrument.mtdsg : entry?.mtdsg,
      }),
    };
  }

  /** Recalls (what the key's document cites), cited-by and series of a key, with counts. */
  async trace(input: string): Promise<Trace> {
    const key = parseKey(input)?.key ?? input.trim();
    const rec = await this.record(key);
    const recalls = edges(rec?.out);
    const citedBy = edges(rec?.in);
    let series: SeriesRecord | undefined;
    const id = rec?.entry.series;
    if (id) series = own((await this.seriesShard(shardOf(id, this.layout.seriesShards))).series, id);
    return {
      key,
      recalls,
      citedBy,
      series,
      counts: { recalls: recalls.length, citedBy: citedBy.length, series: series?.keys.length ?? 0 },
    };
  }

  private searchDocs(script: SearchScript): Promise<SearchDocsFile> {
    return this.cached(this.docsCache, script, async () => {
      const path = `search/${script}-docs.json`;
      const v = checkFormat(await readJson(this.fetcher, path, this.gzip), path, 'keys');
      if (!Array.isArray(v.keys) || !Array.isArray(v.groups))
        throw new IndexError('corrupt', path, 'bad docs table');
      return v as unknown as SearchDocsFile;
    });
  }

  private searchGroup(script: SearchScript, group: string): Promise<SearchGroupFile> {
    return this.cached(this.groupCache, `${script}-${group}`, async () => {
      const path = `search/${script}-${group}.json`;
      return checkFormat(
        await readJson(this.fetcher, path, this.gzip),
        path,
        'terms',
      ) as unknown as SearchGroupFile;
    });
  }

  /**
   * Short title (≤ 80 characters) and date of many keys at once, e.g. every neighbour of a trace:
   * one file (the Latin search table) instead of a shard per key. Keys the index does not hold
   * are absent from the map.
   */
  async summaries(keys: readonly string[]): Promise<Map<string, { title?: string; date?: string }>> {
    const docs = await this.searchDocs('latin');
    if (!this.docPositions) this.docPositions = new Map(docs.keys.map((k, i) => [k, i]));
    const out = new Map<string, { title?: string; date?: string }>();
    for (const key of keys) {
      const i = this.docPositions.get(key);
      if (i === undefined) continue;
      out.set(key, { title: docs.titles[i] || undefined, date: docs.dates[i] || undefined });
    }
    return out;
  }

  /**
   * Loads the text-search part of a script ahead of the first query (the popup calls it when it
   * opens, so the first keystroke does not wait for the largest file). Safe to call repeatedly.
   */
  async warmSearch(script: SearchScript = 'latin'): Promise<void> {
    await this.searchDocs(script);
  }

  /**
   * Finds entries by key in any spelling ("a/res/73/195", "2334 (2016)", "E/CN.4/1998/53/Add.2"),
   * by number or by title words in the six languages. A query that parses as a key answers from
   * its shard without loading the text index. Text hits carry the title in the query's script.
   */
  async search(query: string, limit = 20): Promise<SearchHit[]> {
    const parsed = parseKey(query);
    if (parsed) {
      const hits: SearchHit[] = [];
      for (const key of [parsed.key, ...(parsed.alternatives ?? [])]) {
        const rec = await this.record(key);
        // The main reading is always returned (a card can be derived); alternatives only when known.
        if (!rec && key !== parsed.key) continue;
        const e = rec?.entry;
        const title = e?.title ?? e?.derived?.find((d) => d.subject)?.subject;
        const date = e?.date ?? e?.derived?.find((d) => d.date)?.date;
        hits.push({ key, title, date, score: rec ? 2 : 1, match: 'key' });
      }
      if (hits.length > 0) return hits;
    }
    // Only the query's script part is read, and of it only the document table and the term groups
    // of the query's words.
    const script = scriptOf(query);
    const terms = searchTerms(query);
    if (terms.length === 0) return [];
    const docs = await this.searchDocs(script);
    const needed = [...new Set(terms.map((t) => termGroup(t, script)))].filter((g) =>
      docs.groups.includes(g),
    );
    const groups = new Map(
      await Promise.all(needed.map(async (g) => [g, await this.searchGroup(script, g)] as const)),
    );
    return scoreQuery(terms, groups, docs)
      .slice(0, limit)
      .map((h) => ({
        key: docs.keys[h.doc]!,
        title: docs.titles[h.doc] || undefined,
        date: docs.dates[h.doc] || undefined,
        score: h.score,
        match: 'text' as const,
      }));
  }
}

/** An index opened with its manifest (reports, scripts, tests): counts, attribution, build time. */
export class ManifestIndex extends CitationIndex {
  constructor(
    readonly manifest: IndexManifest,
    fetcher: IndexFetcher,
  ) {
    super(
      { shards: manifest.shards, seriesShards: manifest.seriesShards, compression: manifest.compression },
      fetcher,
    );
  }
}

/**
 * Opens the index with its manifest: reads and checks `manifest.json` and lays the index out as it says.
 * `fetcher(path)` returns the file at `path` relative to the index root (`shards/3.json.gz`).
 * @throws IndexError when the manifest is missing, corrupt or of another format version.
 */
export async function loadIndex(fetcher: IndexFetcher): Promise<ManifestIndex> {
  const path = 'manifest.json';
  const v = await readJson(fetcher, path);
  checkFormat(v, path, 'counts');
  const m = v as unknown as IndexManifest;
  if (!Number.isInteger(m.shards) || m.shards < 1 || !Number.isInteger(m.seriesShards) || m.seriesShards < 1)
    throw new IndexError('corrupt', path, 'bad shard counts');
  return new ManifestIndex(m, fetcher);
}

/**
 * The index shipped with this code, opened without reading anything: the worker's, which a reader wakes on a
 * hover and which must answer at once. The build lays the files out by {@link INDEX_LAYOUT}, the same constant
 * this code hashes keys with, and the extension ships the two together, so the manifest would say nothing a
 * lookup needs; its counts and attribution are for reports and the options page, which read it themselves.
 */
export function openIndex(fetcher: IndexFetcher): CitationIndex {
  return new CitationIndex(INDEX_LAYOUT, fetcher);
}
