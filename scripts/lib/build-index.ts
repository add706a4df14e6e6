/**
 * Builds the shipped index from the committed tables in data/ (no ../shared needed): entries,
 * derived facts, citation edges, series, search index, merged gazetteer. Returns the files as
 * path → JSON text so the CLI writes them to public/index/ and tests/benchmarks to a temp dir.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bodyOfSymbol, parseKey, shardOf } from '../../src/core/index/keys.ts';
import { SCRIPT_LANGS, type SearchScript, scriptOf } from '../../src/core/index/search-options.ts';
import {
  type SearchDocsFile,
  type SearchGroupFile,
  searchTerms,
  termGroup,
} from '../../src/core/index/text-search.ts';
import {
  INDEX_FORMAT_VERSION,
  type IndexEntry,
  type IndexManifest,
  PLACEMENT_BITS,
  type SeriesRecord,
  type ShardRecord,
  type StoredEdge,
} from '../../src/core/index/types.ts';
import { type Kind, LANGS, type Lang } from '../../src/core/mention.ts';
import { readJson } from './data-io.ts';
import { type DatePairRow, type EdgeRow, LANG_BITS } from './mine-citations.ts';
import type { MinedTreaty, TreatyEdgeRow } from './mine-treaties.ts';

/** Shard counts: ~20k records over 64 shards keeps a shard near 100 KB (one parse per cold lookup). */
export const SHARDS = 64;
export const SERIES_SHARDS = 8;

/** `sources` value of an entry known only from citing texts. */
export const DERIVED_SOURCE = 'derived from citing texts';

/** A (key, date) disagreement: the text writes one date, the index holds another. */
export interface Disagreement {
  key: string;
  indexDate: string;
  citedDate: string;
  texts: number;
  source: string;
}

/** Everything the build knows, for the report and the benchmarks. */
export interface BuiltIndex {
  /** Keys known only from citing texts whose texts give different dates: [key, dates (most cited first)]. */
  derivedConflicts: [string, string[]][];
  /** Index files by path; all but manifest.json gzipped (their path ends in `.gz`). */
  files: Map<string, Uint8Array | string>;
  manifest: IndexManifest;
  disagreements: Disagreement[];
}

function popcount(n: number): number {
  let c = 0;
  for (let x = n; x; x &= x - 1) c++;
  return c;
}

const ORDINAL =
  /\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth)\b/g;

/** Title normalised for matching: case, accents, punctuation and a leading article ignored. */
export function normTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/^(?:the|on the|on) /, '')
    .trim();
}

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

/** Number forms a user may type for a key, for the search index's `num` field. */
function numForms(key: string): string {
  const m =
    /^(?:A\/RES|A\/HRC\/RES|E\/RES|E\/CN\.4\/RES)\/([\w-]+)\/(\d+)$/.exec(key) ??
    /^(?:S|A|E)\/RES\/(\d+)\(([\w-]+)\)$/.exec(key) ??
    /^(?:UNTS [I]+-|LNTS )()(\d+)$/.exec(key) ??
    /^MTDSG ([IVXLC]+)-(.+)$/.exec(key);
  if (!m) return key;
  return `${m[1] ? `${m[1]}/${m[2]} ${m[1]} ` : ''}${m[2]}`;
}

interface GazetteerRow {
  key: string;
  name: string;
  titles: Partial<Record<Lang, string[]>>;
}

function mergeGazetteer(dir: string): GazetteerRow[] {
  const gdir = join(dir, 'gazetteer');
  const byKey = new Map<string, GazetteerRow>();
  if (!existsSync(gdir)) return [];
  const files = readdirSync(gdir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  for (const f of files) {
    const rows = readJson<GazetteerRow[]>(join(gdir, f));
    if (!Array.isArray(rows)) continue;
    for (const r of rows) {
      if (typeof r?.key !== 'string' || typeof r.name !== 'string') continue;
      const cur = byKey.get(r.key);
      if (!cur) {
        byKey.set(r.key, { key: r.key, name: r.name, titles: { ...r.titles } });
        continue;
      }
      for (const [lang, list] of Object.entries(r.titles ?? {}) as [Lang, string[]][])
        cur.titles[lang] = [...new Set([...(cur.titles[lang] ?? []), ...list])];
    }
  }
  return [...byKey.values()];
}

/** Builds every file of the index from `dataDir` (the project's data/). */
export function buildIndex(dataDir: string, now = new Date()): BuiltIndex {
  const entries = new Map<string, IndexEntry>();
  const counts: Record<string, number> = {};
  for (const t of ['ga', 'sc', 'hrc', 'ecosoc', 'mtdsg'])
    for (const e of readJson<IndexEntry[]>(join(dataDir, `tables/${t}.json.gz`))) entries.set(e.key, e);

  // Titles in the six languages, from the AKN4UN texts.
  const titles = readJson<Record<string, Partial<Record<Lang, string>>>>(
    join(dataDir, 'tables/titles.json.gz'),
  );
  for (const [key, byLang] of Object.entries(titles)) {
    const e = entries.get(key);
    if (!e) continue;
    const { en, ...rest } = byLang;
    if (!e.title && en) e.title = en;
    if (Object.keys(rest).length > 0) e.titles = { ...e.titles, ...rest };
  }

  // Treaty Series registrations from footnotes; linked to MTDSG entries with the same English title.
  const mtdsgByTitle = new Map<string, IndexEntry>();
  // Treaty titles keep their years and ordinals ("International Coffee Agreement, 1968" is not 1976).
  const treatyTitle = normTitle;
  for (const e of entries.values())
    if (e.body === 'MTDSG' && e.title) mtdsgByTitle.set(treatyTitle(e.title), e);
  for (const t of readJson<MinedTreaty[]>(join(dataDir, 'mined/treaties.json.gz'))) {
    const { en, ...rest } = t.titles;
    const e: IndexEntry = {
      key: t.key,
      kind: 'treaty',
      body: t.key.startsWith('LNTS') ? 'LNTS' : 'UNTS',
      title: en,
      volumes: t.volumes,
      sources: ['unxml-akn4un (footnotes)'],
    };
    if (Object.keys(rest).length > 0) e.titles = rest;
    const twin = en ? mtdsgByTitle.get(treatyTitle(en.replace(/,? (?:of|adopted|done) .*$/, ''))) : undefined;
    if (twin) {
      e.sameAs = [twin.key];
      twin.sameAs = [...(twin.sameAs ?? []), t.key];
      counts.treaties_linked_to_mtdsg = (counts.treaties_linked_to_mtdsg ?? 0) + 1;
    }
    entries.set(e.key, e);
  }

  // Instruments of the gazetteer (data/gazetteer/*.json): a name and titles in six languages for
  // keys the tables lack (the Paris Agreement is never cited with its Treaty Series number here),
  // and extra search words (all title variants) for every instrument.
  const gazetteer = mergeGazetteer(dataDir);
  const instrumentWords = new Map<string, string[]>();
  for (const g of gazetteer) {
    if (g.key.startsWith('block:')) continue;
    const clean = (t: string) => t.replace(/^《|》$/g, '');
    let e = entries.get(g.key);
    if (!e) {
      const parsed = parseKey(g.key);
      e = {
        key: g.key,
        kind: g.key.startsWith('instrument:') ? 'instrument' : (parsed?.kind ?? 'instrument'),
        body: parsed?.body ?? bodyOfSymbol(g.key),
        title: clean(g.titles.en?.[0] ?? g.name),
        sources: ['instrument gazetteer'],
      };
      entries.set(g.key, e);
      counts.gazetteer_only_entries = (counts.gazetteer_only_entries ?? 0) + 1;
    }
    for (const lang of LANGS) {
      const first = g.titles[lang]?.[0];
      if (lang !== 'en' && first && !e.titles?.[lang]) e.titles = { ...e.titles, [lang]: clean(first) };
    }
    instrumentWords.set(g.key, [g.name, ...Object.values(g.titles).flat()]);
  }

  // Facts learned from citations, and the agreement check against the tables' dates.
  const disagreements: Disagreement[] = [];
  let derivedFacts = 0;
  let checkedPairs = 0;
  let agreeingPairs = 0;
  const firstLang = (mask: number): Lang => LANGS.find((l) => mask & LANG_BITS[l]) ?? 'en';
  const pairs = readJson<DatePairRow[]>(join(dataDir, 'mined/date-pairs.json.gz'));
  // Most-cited date first: when texts disagree, the card shows what most of them say.
  pairs.sort((a, b) => a[0].localeCompare(b[0]) || b[2] - a[2] || a[1].localeCompare(b[1]));
  for (const [key, date, texts, source, langs, subjectOrNull, part] of pairs) {
    const lang = firstLang(langs);
    const subject = subjectOrNull ?? undefined;
    if (part) {
      // A later part's date is not the resolution's date: neither checked nor derived.
      counts.date_pairs_of_later_parts = (counts.date_pairs_of_later_parts ?? 0) + 1;
      continue;
    }
    let e = entries.get(key);
    const fromTable = e && !e.derived?.length ? e.date : undefined;
    if (fromTable) {
      checkedPairs++;
      if (fromTable === date) agreeingPairs++;
      else disagreements.push({ key, indexDate: fromTable, citedDate: date, texts, source });
      if (e && !e.title && subject) {
        e.derived = [...(e.derived ?? []), { subject, source, lang, texts }];
        derivedFacts++;
      }
      continue;
    }
    if (!e) {
      const parsed = parseKey(key);
      e = {
        key,
        kind: parsed?.kind ?? 'resolution',
        body: parsed?.body ?? bodyOfSymbol(key),
        sources: [DERIVED_SOURCE],
      };
      entries.set(key, e);
      counts.derived_only_entries = (counts.derived_only_entries ?? 0) + 1;
    }
    e.derived = [...(e.derived ?? []), { date, ...(subject ? { subject } : {}), source, lang, texts }];
    derivedFacts++;
  }

  const derivedConflicts: [string, string[]][] = [];
  for (const e of entries.values()) {
    if (e.date) continue;
    const dates = [...new Set((e.derived ?? []).flatMap((d) => (d.date ? [d.date] : [])))];
    if (dates.length > 1) derivedConflicts.push([e.key, dates]);
  }
  counts.derived_date_conflicts = derivedConflicts.length;

  // Citation edges: kept when the English text has them or two languages agree (the finder's
  // errors in one language do not become graph facts).
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
  // Treaty Series footnotes read by the treaty miner: added where the finder has no such edge.
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

  // Series: resolutions of one body with the same normalised title in two or more sessions.
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
  const seriesFiles: Record<string, SeriesRecord>[] = Array.from({ length: SERIES_SHARDS }, () => ({}));
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

  // Shards.
  const shards: Record<string, ShardRecord>[] = Array.from({ length: SHARDS }, () => ({}));
  for (const e of entries.values()) {
    const rec: ShardRecord = { entry: e };
    const o = out.get(e.key);
    const i = inn.get(e.key);
    if (o) rec.out = o.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (i) rec.in = i.sort((a, b) => a[0].localeCompare(b[0]));
    shards[shardOf(e.key, SHARDS)]![e.key] = rec;
  }

  // Search, one part per script (numbers and en/fr/es titles in the Latin part; ru, zh, ar apart),
  // each a document table plus postings split by term group (src/core/index/text-search.ts).
  const searchFiles: [string, unknown][] = [];
  for (const [script, langs] of Object.entries(SCRIPT_LANGS) as [SearchScript, readonly Lang[]][]) {
    const docs: SearchDocsFile = {
      format: INDEX_FORMAT_VERSION,
      script,
      keys: [],
      titles: [],
      dates: [],
      lengths: [],
      groups: [],
    };
    const groups = new Map<string, Map<string, number[]>>();
    const post = (term: string, doc: number) => {
      const g = termGroup(term, script);
      const terms = groups.get(g) ?? new Map<string, number[]>();
      const list = terms.get(term) ?? [];
      if (list[list.length - 1] !== doc) list.push(doc);
      terms.set(term, list);
      groups.set(g, terms);
    };
    for (const e of entries.values()) {
      if (e.stub) continue;
      const ts = langs.map((l) => (l === 'en' ? e.title : e.titles?.[l])).filter((t): t is string => !!t);
      if (script === 'latin') for (const d of e.derived ?? []) if (d.subject) ts.push(d.subject);
      // Every title variant of an instrument finds it (any language of the part's script).
      const extra = (instrumentWords.get(e.key) ?? []).filter((t) => scriptOf(t) === script);
      if (script !== 'latin' && ts.length === 0) continue;
      const doc = docs.keys.length;
      const first = ts[0] ?? '';
      docs.keys.push(e.key);
      // The hit list shows a cut title; the card shows the whole one.
      docs.titles.push(first.length > 80 ? `${first.slice(0, 79)}…` : first);
      docs.dates.push(e.date ?? e.derived?.find((d) => d.date)?.date ?? '');
      docs.lengths.push(new Set(searchTerms(first)).size);
      for (const t of new Set([...ts, ...extra].flatMap((x) => searchTerms(x)))) post(t, doc);
      if (script === 'latin') for (const t of new Set(searchTerms(numForms(e.key)))) post(`#${t}`, doc);
    }
    docs.groups = [...groups.keys()].sort();
    searchFiles.push([`search/${script}-docs.json`, docs]);
    for (const [g, terms] of groups)
      searchFiles.push([
        `search/${script}-${g}.json`,
        {
          format: INDEX_FORMAT_VERSION,
          script,
          group: g,
          terms: Object.fromEntries(terms),
        } satisfies SearchGroupFile,
      ]);
    counts[`searchable_${script}`] = docs.keys.length;
  }

  counts.cross_language_agreement = counts.edges_seen_en
    ? Math.round(((counts.edges_en_confirmed ?? 0) / counts.edges_seen_en) * 1000) / 1000
    : 0;

  // Coverage: of the distinct keys the texts cite, how many the index knows (not a stub).
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

  // Counts for the manifest and `index:report`.
  for (const e of entries.values()) {
    const k = e.stub ? 'stubs' : `entries_${e.body}_${e.kind}`;
    counts[k] = (counts[k] ?? 0) + 1;
  }
  Object.assign(counts, {
    entries: [...entries.values()].filter((e) => !e.stub).length,
    edges: edgeCount,
    edges_dropped_single_non_english: dropped,
    derived_facts: derivedFacts,
    series: seriesCount,
    gazetteer_entries: gazetteer.length,
    date_pairs_checked: checkedPairs,
    date_pairs_agreeing: agreeingPairs,
    disagreements: disagreements.length,
  });
  const manifest: IndexManifest = {
    format: INDEX_FORMAT_VERSION,
    built: now.toISOString(),
    shards: SHARDS,
    seriesShards: SERIES_SHARDS,
    compression: 'gzip',
    counts,
    attribution: [
      'Resolution texts and metadata: United Nations (UN Digital Library; DGACM AKN4UN XML, github.com/UNxml).',
      'Security Council corpus: CR-UNSC (Fobbe, Gasbarri, Ridi), CC0.',
      'GA roll calls: E. Voeten, UN General Assembly Voting Data (unvotes, MIT).',
      'Human Rights Council: DW Data (MIT). Treaties: UN Treaty Collection via zmjones/untreaties.',
    ],
  };
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
  disagreements.sort((a, b) => b.texts - a.texts || a.key.localeCompare(b.key));
  return { files, manifest, disagreements, derivedConflicts };
}
