/**
 * The index build's graph phases: citation edges (with stub entries for keys cited but not known),
 * series of recurring resolutions, and the shards that hold each entry with its edges.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bodyOfSymbol, shardOf } from '../../src/core/index/keys.ts';
import {
  INDEX_LAYOUT,
  type IndexEntry,
  PLACEMENT_BITS,
  type SeriesRecord,
  type ShardRecord,
  type StoredEdge,
} from '../../src/core/index/types.ts';
import { type Kind, LANGS } from '../../src/core/mention.ts';
import { type Build, normTitle } from './build-index-entries.ts';
import { readJson } from './data-io.ts';
import { type EdgeRow, LANG_BITS } from './mine-citations.ts';
import type { TreatyEdgeRow } from './mine-treaties.ts';

/**
 * Shard counts (the reader's too, INDEX_LAYOUT): ~19k entries (+ stubs) over 320 shards keeps a shard near 12 KB
 * gzipped, 40 KB JSON, inflated and parsed on each cold lookup. Against 80 shards (35 KB, 160 KB JSON) a
 * cold lookup answered 2 to 4 ms sooner in the median and 5 ms sooner at the 75th percentile (50 wakes each,
 * builds measured in turns), for 600 KB more in the package.
 */
export const SHARDS = INDEX_LAYOUT.shards;
export const SERIES_SHARDS = INDEX_LAYOUT.seriesShards;

function popcount(n: number): number {
  let c = 0;
  for (let x = n; x; x &= x - 1) c++;
  return c;
}

/** The citation graph: edges out of and into each key, and how many were kept and dropped. */
export interface Edges {
  out: Map<string, StoredEdge[]>;
  inn: Map<string, StoredEdge[]>;
  edgeCount: number;
  dropped: number;
}

/**
 * Citation edges: kept when the English text has them or two languages agree (the finder's errors in
 * one language do not become graph facts); then the Treaty Series footnotes the treaty miner read, where
 * the finder has no such edge. A key cited or citing but not known becomes a stub entry.
 */
export function addEdges(dataDir: string, { entries, counts }: Build): Edges {
  const out = new Map<string, StoredEdge[]>();
  const inn = new Map<string, StoredEdge[]>();
  let edgeCount = 0;
  let dropped = 0;
  const stubKinds = new Map<string, Kind>();
  for (const [from, to, kind, mask, langs, n] of readJson<EdgeRow[]>(join(dataDir, 'mined/edges.json.gz'))) {
    if (!from.startsWith('S/RES/')) {
      // Six-language texts: how far the languages confirm each other's citations.
      for (const l of LANGS)
        if (langs & LANG_BITS[l]) counts[`edges_seen_${l}`] = (counts[`edges_seen_${l}`] ?? 0) + 1;
      if (langs & 1 && langs & ~1) counts.edges_en_confirmed = (counts.edges_en_confirmed ?? 0) + 1;
      if (popcount(langs) === 6) counts.edges_all_six = (counts.edges_all_six ?? 0) + 1;
    }
    if (!(langs & 1) && popcount(langs) < 2) {
      dropped++;
      continue;
    }
    const count = Math.max(1, Math.round(n / popcount(langs)));
    out.set(from, [...(out.get(from) ?? []), [to, count, mask]]);
    inn.set(to, [...(inn.get(to) ?? []), [from, count, mask]]);
    edgeCount++;
    if (!entries.has(to)) stubKinds.set(to, kind as Kind);
  }
  const treatyEdgesPath = join(dataDir, 'mined/treaty-edges.json.gz');
  if (existsSync(treatyEdgesPath)) {
    const have = new Set(
      [...out.entries()].flatMap(([from, list]) => list.map(([to]) => `${from}\u0000${to}`)),
    );
    for (const [from, to, langs, n] of readJson<TreatyEdgeRow[]>(treatyEdgesPath)) {
      if (have.has(`${from}\u0000${to}`)) continue;
      const count = Math.max(1, Math.round(n / popcount(langs)));
      out.set(from, [...(out.get(from) ?? []), [to, count, PLACEMENT_BITS.footnote]]);
      inn.set(to, [...(inn.get(to) ?? []), [from, count, PLACEMENT_BITS.footnote]]);
      edgeCount++;
      counts.edges_from_treaty_footnotes = (counts.edges_from_treaty_footnotes ?? 0) + 1;
      if (!entries.has(to)) stubKinds.set(to, 'treaty');
    }
  }
  for (const [key, kind] of stubKinds) entries.set(key, { key, kind, body: bodyOfSymbol(key), stub: true });
  for (const key of out.keys())
    if (!entries.has(key)) entries.set(key, { key, kind: 'resolution', body: bodyOfSymbol(key), stub: true });
  return { out, inn, edgeCount, dropped };
}

const ORDINAL =
  /\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth)\b/g;

/**
 * Title normalised for series grouping: as {@link normTitle}, with the parts that change every
 * year dropped ("on the work of its seventy-third session", "2021–2030"), so near-same titles of
 * one recurring agenda item group together.
 */
export function seriesTitle(title: string): string {
  return normTitle(
    title
      .toLowerCase()
      .replace(ORDINAL, ' ')
      .replace(/\b(?:19|20)\d\d\b/g, ' '),
  );
}

/**
 * Series: resolutions of one body with the same normalised title in two or more sessions. Sets each
 * member's `series`; returns the series files' records by shard and how many series there are.
 */
export function buildSeries(entries: Map<string, IndexEntry>): {
  seriesFiles: Record<string, SeriesRecord>[];
  seriesCount: number;
} {
  const groups = new Map<string, IndexEntry[]>();
  for (const e of entries.values()) {
    // A resolution the tables lack joins by the subject its citing texts give ("on international
    // migration and development"), so the series reaches back before session 74.
    const title = e.title ?? (e.body === 'GA' ? e.derived?.find((d) => d.subject)?.subject : undefined);
    if (e.kind !== 'resolution' || !title || e.stub) continue;
    const t = seriesTitle(title);
    if (t.length < 8) continue;
    const id = `${e.body}:${t}`;
    groups.set(id, [...(groups.get(id) ?? []), e]);
  }
  // Prototype-less tables: a key spelled "__proto__" is stored as a key, not as the table's prototype.
  const seriesFiles: Record<string, SeriesRecord>[] = Array.from({ length: SERIES_SHARDS }, () =>
    Object.create(null),
  );
  let seriesCount = 0;
  for (const [id, members] of groups) {
    if (new Set(members.map((m) => m.session ?? m.date?.slice(0, 4))).size < 2) continue;
    // Only a group with at least one titled member is a series (subjects alone are too loose).
    const titled = members.filter((m) => m.title);
    if (titled.length === 0) continue;
    const dateOf = (m: IndexEntry) => m.date ?? m.derived?.find((d) => d.date)?.date ?? '';
    members.sort((a, b) => dateOf(a).localeCompare(dateOf(b)) || a.key.localeCompare(b.key));
    for (const m of members) m.series = id;
    seriesFiles[shardOf(id, SERIES_SHARDS)]![id] = {
      id,
      title: titled[titled.length - 1]!.title!,
      keys: members.map((m) => m.key),
    };
    seriesCount++;
  }
  return { seriesFiles, seriesCount };
}

/** The shards: each entry with its edges out (most cited first) and in, in the shard its key hashes to. */
export function buildShards(
  entries: Map<string, IndexEntry>,
  { out, inn }: Edges,
): Record<string, ShardRecord>[] {
  const shards: Record<string, ShardRecord>[] = Array.from({ length: SHARDS }, () => Object.create(null));
  for (const e of entries.values()) {
    const rec: ShardRecord = { entry: e };
    const o = out.get(e.key);
    const i = inn.get(e.key);
    if (o) rec.out = o.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (i) rec.in = i.sort((a, b) => a[0].localeCompare(b[0]));
    shards[shardOf(e.key, SHARDS)]![e.key] = rec;
  }
  return shards;
}
