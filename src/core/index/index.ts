/**
 * The citation index: canonical key → entry (GA, SC, ECOSOC, HRC resolutions, Treaty Series and
 * MTDSG treaties), citation graph and series. Pure: the caller injects how files are read.
 *
 * Files (built by scripts/index-build.ts into public/index/, shipped as `index/…`):
 * - `manifest.json` (plain, ~2 KB): format version, shard counts, counts, attribution. Read by reports and
 *   the options page (`loadIndex`); the worker opens the index by INDEX_LAYOUT without it (`openIndex`).
 * - `shards/N.json.gz`: records `{entry, out, in}` of the keys with `fnv1a(key) % shards == N`
 *   (~12 KB gzipped, ~40 KB JSON): the first lookup of a key reads one of them.
 * - `series/N.json.gz`: series by id (read by `trace`).
 * - `search/<script>-docs.json.gz` + `search/<script>-<group>.json.gz`: text search, per script
 *   (latin = en/fr/es + key numbers, cyrillic, cjk, arabic), postings split by the term's initial.
 * - `gazetteer.json` (plain): the merged instrument gazetteer (data/gazetteer/*.json).
 * Every failure to read one of them is an {@link IndexError} (`missing`, `corrupt`, `version`).
 */
export {
  CitationIndex,
  IndexError,
  type IndexErrorCode,
  loadIndex,
  ManifestIndex,
  openIndex,
  resolveInstrument,
} from './citation-index';
export {
  bodyOfSymbol,
  linksFor,
  normalizeSymbol,
  type ParsedKey,
  parseKey,
  sessionOfKey,
  shardOf,
} from './keys';
export type * from './types';
export { INDEX_FORMAT_VERSION, INDEX_LAYOUT, PLACEMENT_BITS } from './types';
