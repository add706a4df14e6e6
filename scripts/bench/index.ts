/**
 * Index figures for `npm run bench -- --json`, in Node with the real index code (src/core/index) over the built
 * index files (public/index/, what vite copies into dist/chrome/index; built when missing). Real keys and
 * queries, from the repository's GA sample (test/fixtures/corpus/ga-sample):
 * - `index_bytes`: bytes of the built index (every file under public/index), as shipped.
 * - `lookup_p99_ms` (and `lookup_p50_ms`): `lookup(key)` of every mention the finder finds in the English sample
 *   (11 000 lookups, 2 000 distinct keys, in text order, as a reader hovering them would ask), on an index whose
 *   files have been read once: a worker's steady state. `lookup_first_p99_ms` and `lookup_first_max_ms`: the
 *   same lookups on a freshly opened index, where a key whose shard is not read yet pays for reading and
 *   inflating it (64 shards: under 1 % of the lookups, so the p99 rarely shows it and the max does).
 * - `search_p99_ms` (and `search_p50_ms`): `search(query)` of 1 500 real queries, warm as above: each sample
 *   resolution's title in each of the six languages cut to what a reader types (four words, eight Chinese
 *   characters), and its symbol (a key spelling). `search_first_ms`: the first title query on a freshly opened index (it reads the
 *   script's document table).
 * - `trace_p99_ms`: `trace(key)` of each distinct key cited in the English sample, warm.
 * - the counts of `npm run index:report -- --json` (`ga`, `sc`, `hrc`, `ecosoc`, `unts`, `mtdsg`, `instruments`,
 *   `instrument_titles`, `edges`, `derived_dates`, `date_disagreements`, `size_bytes` and the rest), so that one
 *   bench run carries the contract's names with its timings.
 * Percentiles are nearest-rank over single calls timed with `performance.now()`.
 */

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { findCitations } from '../../src/core/find.ts';
import { loadIndex, type ManifestIndex } from '../../src/core/index/index.ts';
import { defaultInstrumentMatcher } from '../../src/core/instruments/default-gazetteer.ts';
import { LANGS, type Lang } from '../../src/core/mention.ts';
import { fileFetcher } from '../lib/node-fetcher.ts';
import { percentile, round } from '../lib/timing.ts';
import type { Targets } from './lib/figures.ts';
import { gaSample, gaSampleText } from './lib/ga-sample.ts';
import { dirBytes, ensureIndex, INDEX_DIR } from './lib/index-files.ts';

/** A lookup on a loaded index is a table read: well under a frame. */
export const targets: Targets = { lookup_p99_ms: { max: 1 } };

/** Times `fn(x)` once for each `x`, in order; the durations in ms. */
async function timeEach<T>(xs: readonly T[], fn: (x: T) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (const x of xs) {
    const t0 = performance.now();
    await fn(x);
    out.push(performance.now() - t0);
  }
  return out;
}

/**
 * What a reader types into the search box for a title: its first four words (punctuation alone is not a word),
 * or its first eight characters in Chinese, written without spaces.
 */
function typedQuery(title: string, lang: Lang): string {
  if (lang === 'zh') return title.slice(0, 8);
  return title
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .slice(0, 4)
    .join(' ');
}

export default async function bench(): Promise<Record<string, number>> {
  ensureIndex();
  const fetcher = fileFetcher(INDEX_DIR);
  const open = (): Promise<ManifestIndex> => loadIndex(fetcher);
  // Node loads its web-streams code on the first DecompressionStream; a browser worker has it
  // built in, so that one-off cost is paid before timing.
  await (await open()).lookup('A/RES/1/1');

  const keys = findCitations(gaSampleText('en'), { gazetteer: defaultInstrumentMatcher() }).mentions.map(
    (m) => m.key,
  );
  const distinct = [...new Set(keys)];
  const queries: string[] = [];
  for (const lang of LANGS)
    for (const d of gaSample(lang)) if (d.title) queries.push(typedQuery(d.title, lang));
  for (const d of gaSample('en')) queries.push(d.symbol);

  const fresh = await open();
  const lookupFirst = await timeEach(keys, (k) => fresh.lookup(k));
  const lookupWarm = await timeEach(keys, (k) => fresh.lookup(k));

  const searching = await open();
  const t0 = performance.now();
  await searching.search(queries[0]!);
  const searchFirst = performance.now() - t0;
  // Warm: every search file the queries need read once, then timed.
  for (const q of queries) await searching.search(q);
  const searchWarm = await timeEach(queries, (q) => searching.search(q));

  const tracing = await open();
  for (const k of distinct) await tracing.trace(k);
  const traceWarm = await timeEach(distinct, (k) => tracing.trace(k));

  return {
    ...indexReport(),
    index_bytes: dirBytes(INDEX_DIR),
    index_entries: fresh.manifest.counts.entries ?? 0,
    lookup_keys: keys.length,
    lookup_distinct_keys: distinct.length,
    lookup_p50_ms: round(percentile(lookupWarm, 50), 3),
    lookup_p99_ms: round(percentile(lookupWarm, 99), 3),
    lookup_first_p99_ms: round(percentile(lookupFirst, 99), 3),
    lookup_first_max_ms: round(Math.max(...lookupFirst), 2),
    search_queries: queries.length,
    search_p50_ms: round(percentile(searchWarm, 50), 3),
    search_p99_ms: round(percentile(searchWarm, 99), 3),
    search_first_ms: round(searchFirst, 1),
    trace_p99_ms: round(percentile(traceWarm, 99), 3),
  };
}

/** The numeric figures of `npm run index:report -- --json` (its last line), from the same built index. */
function indexReport(): Record<string, number> {
  const root = join(import.meta.dirname, '..', '..');
  const out = execFileSync('npx', ['tsx', join(root, 'scripts', 'index-report.ts'), '--json'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const report = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(report).filter((e): e is [string, number] => typeof e[1] === 'number'),
  );
}
