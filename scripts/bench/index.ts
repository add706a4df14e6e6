/**
 * Index figures for `npm run bench -- --json`: cold start as the MV3 worker meets it (a fresh
 * loader over the files + the first lookup), warm lookups, search and trace, shipped size.
 * Reads public/index/ (run `npm run index:build` first); builds it when it is missing.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadIndex } from '../../src/core/index/index.ts';
import { fileFetcher } from '../lib/node-fetcher.ts';

const root = resolve(import.meta.dirname, '../..');

function dirBytes(dir: string): { total: number; max: number; files: number } {
  let total = 0;
  let max = 0;
  let files = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) {
      const sub = dirBytes(p);
      total += sub.total;
      max = Math.max(max, sub.max);
      files += sub.files;
    } else {
      total += st.size;
      files++;
      if (name.endsWith('.json.gz') && p.includes('shards')) max = Math.max(max, st.size);
    }
  }
  return { total, max, files };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const round = (x: number) => Math.round(x * 100) / 100;

export default async function bench(): Promise<Record<string, number>> {
  const dir = join(root, 'public/index');
  if (!existsSync(join(dir, 'manifest.json'))) {
    const { execFileSync } = await import('node:child_process');
    execFileSync('npx', ['tsx', join(root, 'scripts/index-build.ts')], { stdio: 'inherit' });
  }
  const fetcher = fileFetcher(dir);
  // Node loads its web-streams code on the first DecompressionStream; a browser worker has it
  // built in, so that one-off cost is paid before timing.
  await new Response(
    new Blob([new Uint8Array([31, 139, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0])])
      .stream()
      .pipeThrough(new DecompressionStream('gzip')),
  ).arrayBuffer();

  // Cold: a fresh index (what a restarted worker has) and its first lookup, keys in different shards.
  const coldKeys = [
    'A/RES/77/176',
    'S/RES/2334(2016)',
    'A/RES/217(III)',
    'UNTS I-27531',
    'A/HRC/RES/51/3',
    'E/RES/2021/1',
    'A/RES/60/206',
  ];
  const cold: number[] = [];
  for (const key of coldKeys) {
    const t0 = performance.now();
    const idx = await loadIndex(fetcher);
    await idx.lookup(key);
    cold.push(performance.now() - t0);
  }

  // Warm: lookups on a loaded index (all shards touched once first).
  const idx = await loadIndex(fetcher);
  const keys: string[] = [];
  for (let s = 1; s <= 80; s++) for (let n = 1; n <= 12; n++) keys.push(`A/RES/${s}/${n}`);
  for (const k of keys) await idx.lookup(k);
  let t0 = performance.now();
  for (const k of keys) await idx.lookup(k);
  const warm = (performance.now() - t0) / keys.length;

  // Search: a key spelling (answers from a shard), then text: first query loads the Latin part.
  const fresh = await loadIndex(fetcher);
  t0 = performance.now();
  await fresh.search('2334 (2016)');
  const searchKey = performance.now() - t0;
  t0 = performance.now();
  await fresh.search('international migration');
  const searchTextCold = performance.now() - t0;
  const queries = [
    'rights of the child',
    'désarmement nucléaire',
    'cambio climático',
    'Somalia',
    'océans droit de la mer',
    'migration development',
  ];
  t0 = performance.now();
  for (const q of queries) await fresh.search(q);
  const searchText = (performance.now() - t0) / queries.length;

  const traceFresh = await loadIndex(fetcher);
  t0 = performance.now();
  await traceFresh.trace('A/RES/77/176');
  const traceCold = performance.now() - t0;

  const size = dirBytes(dir);
  return {
    index_cold_lookup_ms: round(median(cold)),
    index_cold_lookup_max_ms: round(Math.max(...cold)),
    index_warm_lookup_ms: round(warm),
    index_search_key_ms: round(searchKey),
    index_search_text_cold_ms: round(searchTextCold),
    index_search_ms: round(searchText),
    index_trace_cold_ms: round(traceCold),
    index_total_kb: Math.round(size.total / 1024),
    index_shard_max_kb: Math.round(size.max / 1024),
    index_files: size.files,
    index_entries: idx.manifest.counts.entries ?? 0,
  };
}

// Run alone: `npx tsx scripts/bench/index.ts`.
if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await bench()));
