/**
 * Builds the shipped index from the committed tables in data/ (no ../shared needed): entries,
 * derived facts, citation edges, series, search index, merged gazetteer. Returns the files as
 * path → JSON text so the CLI writes them to public/index/ and tests/benchmarks to a temp dir.
 *
 * One function per phase, run in order by {@link buildIndex}: build-index-entries.ts (tables, treaties,
 * gazetteer, derived facts), build-index-graph.ts (edges, series, shards), build-index-search.ts.
 */
import { gzipSync } from 'node:zlib';
import {
  INDEX_FORMAT_VERSION,
  INDEX_LAYOUT,
  type IndexEntry,
  type IndexManifest,
  type SeriesRecord,
  type ShardRecord,
} from '../../src/core/index/types.ts';
import {
  addDraftTitles,
  addGazetteer,
  type Build,
  DERIVED_SOURCE,
  type DerivedFacts,
  type Disagreement,
  derivedConflicts,
  deriveFacts,
  type GazetteerRow,
  loadEntries,
} from './build-index-entries.ts';
import {
  addEdges,
  buildSeries,
  buildShards,
  type Edges,
  SERIES_SHARDS,
  SHARDS,
} from './build-index-graph.ts';
import { buildSearch } from './build-index-search.ts';
import { addTreaties, shareTwinTitles, type TreatyConflict } from './build-index-treaties.ts';

export { DERIVED_SOURCE, type Disagreement, normTitle } from './build-index-entries.ts';
export { SERIES_SHARDS, SHARDS, seriesTitle } from './build-index-graph.ts';
export type { TreatyConflict } from './build-index-treaties.ts';

/** Everything the build knows, for the report and the benchmarks. */
export interface BuiltIndex {
  /** Keys known only from citing texts whose texts give different dates: [key, dates (most cited first)]. */
  derivedConflicts: [string, string[]][];
  /** Index files by path; all but manifest.json gzipped (their path ends in `.gz`). */
  files: Map<string, Uint8Array | string>;
  manifest: IndexManifest;
  disagreements: Disagreement[];
  /** Where the Treaty Series registrations, the footnotes and the MTDSG disagree (the registration is kept). */
  treatyConflicts: TreatyConflict[];
}

/** Coverage: of the distinct keys the texts cite, how many the index knows (not a stub), per kind. */
function countCoverage({ entries, counts }: Build, inn: Edges['inn']): void {
  const cited = new Map<string, IndexEntry>();
  for (const to of inn.keys()) {
    const e = entries.get(to);
    if (e) cited.set(to, e);
  }
  for (const kind of ['resolution', 'treaty', 'document', 'all'] as const) {
    const list = [...cited.values()].filter((e) => kind === 'all' || e.kind === kind);
    const known = list.filter((e) => !e.stub).length;
    // Known from a metadata table, not only from what citing texts say about it.
    const tabled = list.filter((e) => !e.stub && !e.sources?.includes(DERIVED_SOURCE)).length;
    counts[`coverage_${kind}_tables`] = list.length ? Math.round((tabled / list.length) * 1000) / 1000 : 0;
    counts[`cited_${kind}_keys`] = list.length;
    counts[`cited_${kind}_keys_known`] = known;
    counts[`coverage_${kind}`] = list.length ? Math.round((known / list.length) * 1000) / 1000 : 0;
  }
}

/** The manifest: format, build time, shard counts, the counts of every phase, attribution. */
function manifestOf(
  { entries, counts }: Build,
  edges: Edges,
  facts: DerivedFacts,
  seriesCount: number,
  gazetteer: GazetteerRow[],
  now: Date,
): IndexManifest {
  // Counts for the manifest and `index:report`.
  for (const e of entries.values()) {
    const k = e.stub ? 'stubs' : `entries_${e.body}_${e.kind}`;
    counts[k] = (counts[k] ?? 0) + 1;
  }
  Object.assign(counts, {
    entries: [...entries.values()].filter((e) => !e.stub).length,
    edges: edges.edgeCount,
    edges_dropped_single_non_english: edges.dropped,
    derived_facts: facts.derivedFacts,
    series: seriesCount,
    gazetteer_entries: gazetteer.length,
    date_pairs_checked: facts.checkedPairs,
    date_pairs_agreeing: facts.agreeingPairs,
    disagreements: facts.disagreements.length,
  });
  return {
    format: INDEX_FORMAT_VERSION,
    built: now.toISOString(),
    shards: SHARDS,
    seriesShards: SERIES_SHARDS,
    compression: INDEX_LAYOUT.compression,
    counts,
    attribution: [
      'Resolution texts and metadata: United Nations (UN Digital Library; DGACM AKN4UN XML, github.com/UNxml).',
      'Security Council corpus: CR-UNSC (Fobbe, Gasbarri, Ridi), CC0.',
      'GA roll calls: E. Voeten, UN General Assembly Voting Data (unvotes, MIT).',
      'Human Rights Council: DW Data (MIT); official HRC and GA decision metadata: United Nations (DGACM AKN4UN XML, github.com/UNxml).',
      'Treaties: UN Treaty Collection via zmjones/untreaties and zhiyzuo/UNTC-scraper. Document titles: United Nations (mandates.un.org).',
    ],
  };
}

/** The index files by path: the manifest and the gazetteer as plain JSON, everything else gzipped. */
function filesOf(
  manifest: IndexManifest,
  shards: Record<string, ShardRecord>[],
  seriesFiles: Record<string, SeriesRecord>[],
  searchFiles: [string, unknown][],
  gazetteer: GazetteerRow[],
): Map<string, Uint8Array | string> {
  const files = new Map<string, Uint8Array | string>();
  // Gzip cuts the shipped size about five-fold; a shard inflates in well under a millisecond.
  const gz = (path: string, value: unknown) =>
    files.set(`${path}.gz`, gzipSync(JSON.stringify(value), { level: 9 }));
  files.set('manifest.json', JSON.stringify(manifest));
  for (const [n, records] of shards.entries())
    gz(`shards/${n}.json`, { format: INDEX_FORMAT_VERSION, shard: n, records });
  for (const [n, series] of seriesFiles.entries())
    gz(`series/${n}.json`, { format: INDEX_FORMAT_VERSION, shard: n, series });
  for (const [path, value] of searchFiles) gz(path, value);
  // The gazetteer is read by the content script / worker to build the instrument matcher: plain JSON.
  files.set('gazetteer.json', JSON.stringify(gazetteer));
  return files;
}

/** Builds every file of the index from `dataDir` (the project's data/). */
export function buildIndex(dataDir: string, now = new Date()): BuiltIndex {
  const build = loadEntries(dataDir);
  addDraftTitles(build);
  const treatyConflicts = addTreaties(dataDir, build);
  const { gazetteer, instrumentWords } = addGazetteer(dataDir, build);
  shareTwinTitles(build);
  const facts = deriveFacts(dataDir, build);
  const conflicts = derivedConflicts(build.entries);
  build.counts.derived_date_conflicts = conflicts.length;
  const edges = addEdges(dataDir, build);
  const { seriesFiles, seriesCount } = buildSeries(build.entries);
  const shards = buildShards(build.entries, edges);
  const searchFiles = buildSearch(build, instrumentWords);
  const counts = build.counts;
  counts.cross_language_agreement = counts.edges_seen_en
    ? Math.round(((counts.edges_en_confirmed ?? 0) / counts.edges_seen_en) * 1000) / 1000
    : 0;
  countCoverage(build, edges.inn);
  const manifest = manifestOf(build, edges, facts, seriesCount, gazetteer, now);
  const files = filesOf(manifest, shards, seriesFiles, searchFiles, gazetteer);
  facts.disagreements.sort((a, b) => b.texts - a.texts || a.key.localeCompare(b.key));
  return {
    files,
    manifest,
    disagreements: facts.disagreements,
    derivedConflicts: conflicts,
    treatyConflicts,
  };
}
