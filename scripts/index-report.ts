/**
 * `npm run index:report [-- --json]`: what the built index holds, counted from its files (public/index/, built
 * by `npm run index:build` when missing) and, for the date check, from the committed citing-text pairs
 * (data/mined/date-pairs.json.gz). With --json, prints last ONE JSON object (for CI and the lead's dashboards):
 * - `ga`, `sc`, `hrc`, `ecosoc`: resolutions of that body the index knows (an entry, not a key known only as
 *   cited), from its tables or from what citing texts say of them
 * - `unts`: Treaty Series registrations (entries of body UNTS); `mtdsg`: treaties deposited with the
 *   Secretary-General (entries of body MTDSG)
 * - `instruments`: instruments the shipped gazetteer names (index/gazetteer.json, body names aside), which pages
 *   are searched for by title; `instrument_titles`: the titles of theirs the matcher compiles (all languages)
 * - `edges`: citation edges stored (each (citing, cited) pair once, from the citing document's side)
 * - `derived_dates`: entries whose date is known only from the texts that cite them (no table gives it)
 * - `date_disagreements`: (resolution, date) pairs written in citing texts whose date differs from the date
 *   the index holds from its tables
 * - `ga_decisions`: GA decisions the index knows
 * - `unts_registrations`: Treaty Series numbers the UN Treaty Collection's registrations list; `unts_instruments`:
 *   instruments registered under the numbers the index knows (the treaty itself and each protocol or amendment)
 * - `documents_titled`: documents (reports, statements, draft resolutions) the index knows a title of
 * - `titles_fr` … `titles_ar`: entries with a title in that language
 * - `treaty_conflicts`: disagreements between the Treaty Series registrations, the footnotes citing them and the
 *   MTDSG (listed in the text report; the registration is what the index keeps)
 * - `size_bytes` (= `index_bytes`, the bench's name): bytes of every file of the built index
 * Every other count of the manifest the build wrote (coverage, six-language agreement …) is printed too.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { IndexEntry, IndexManifest, ShardRecord } from '../src/core/index/types.ts';
import { parseGazetteer } from '../src/core/instruments/gazetteer.ts';
import { createInstrumentMatcher } from '../src/core/instruments/matcher.ts';
import type { Lang } from '../src/core/mention.ts';
import { dirBytes, ensureIndex, INDEX_DIR } from './bench/lib/index-files.ts';
import { loadEntries } from './lib/build-index-entries.ts';
import { addTreaties, type TreatyConflict } from './lib/build-index-treaties.ts';
import { readJson } from './lib/data-io.ts';
import type { DatePairRow } from './lib/mine-citations.ts';

const root = resolve(import.meta.dirname, '..');
const json = process.argv.includes('--json');

ensureIndex();
const manifest = readJson<IndexManifest>(join(INDEX_DIR, 'manifest.json'));
const c = manifest.counts;
const records = new Map<string, ShardRecord>();
const shardDir = join(INDEX_DIR, 'shards');
for (const f of readdirSync(shardDir)) {
  const shard = readJson<{ records: Record<string, ShardRecord> }>(join(shardDir, f));
  for (const [key, rec] of Object.entries(shard.records)) records.set(key, rec);
}
const entries = [...records.values()].map((r) => r.entry).filter((e) => !e.stub);
const count = (pred: (e: IndexEntry) => boolean) => entries.filter(pred).length;
const resolutions = (body: string) => count((e) => e.body === body && e.kind === 'resolution');

// The instruments as the extension compiles them (the worker builds its matcher from this file).
const gazetteer = parseGazetteer(readJson(join(INDEX_DIR, 'gazetteer.json')), 'index/gazetteer.json').filter(
  (g) => !g.key.startsWith('block:'),
);

// Dates: a pair written in a citing text against the date the index holds from a table. A later part's date
// ("resolution 60/251 B of …") is not the resolution's and is not checked, as the build does not.
const disagreements: { key: string; indexDate: string; citedDate: string; texts: number; source: string }[] =
  [];
let checked = 0;
const pairsPath = join(root, 'data/mined/date-pairs.json.gz');
for (const [key, date, texts, source, , , part] of existsSync(pairsPath)
  ? readJson<DatePairRow[]>(pairsPath)
  : []) {
  const e = records.get(key)?.entry;
  const tableDate = e && !e.stub && !e.derived?.some((d) => d.date) ? e.date : undefined;
  if (part || !tableDate) continue;
  checked++;
  if (tableDate !== date) disagreements.push({ key, indexDate: tableDate, citedDate: date, texts, source });
}
disagreements.sort((a, b) => b.texts - a.texts || a.key.localeCompare(b.key));
// Keys dated only by citing texts, whose texts disagree (the card shows what most of them say).
const derivedConflicts = entries
  .filter((e) => !e.date)
  .map((e) => [e.key, [...new Set((e.derived ?? []).flatMap((d) => (d.date ? [d.date] : [])))]] as const)
  .filter(([, dates]) => dates.length > 1);

// Treaty conflicts are recomputed from data/ (the shipped index keeps only what the card needs).
const loaded = loadEntries(join(root, 'data'));
const treatyConflicts: TreatyConflict[] = addTreaties(join(root, 'data'), loaded);
const titled = (lang: Lang) => count((e) => !!e.titles?.[lang]);

const size = dirBytes(INDEX_DIR);
const figures = {
  ga: resolutions('GA'),
  sc: resolutions('SC'),
  hrc: resolutions('HRC'),
  ecosoc: resolutions('ECOSOC'),
  unts: count((e) => e.body === 'UNTS'),
  mtdsg: count((e) => e.body === 'MTDSG'),
  ga_decisions: count((e) => e.body === 'GA' && e.kind === 'decision'),
  unts_registrations: c.unts_registrations ?? 0,
  unts_instruments: entries
    .filter((e) => e.body === 'UNTS')
    .reduce((n, e) => n + 1 + (e.instruments?.length ?? 0), 0),
  documents_titled: count((e) => e.kind === 'document' && !!e.title),
  titles_fr: titled('fr'),
  titles_es: titled('es'),
  titles_ru: titled('ru'),
  titles_zh: titled('zh'),
  titles_ar: titled('ar'),
  treaty_conflicts: treatyConflicts.length,
  instruments: gazetteer.length,
  instrument_titles: createInstrumentMatcher(gazetteer).size,
  edges: [...records.values()].reduce((n, r) => n + (r.out?.length ?? 0), 0),
  derived_dates: count((e) => !e.date && !!e.derived?.some((d) => d.date)),
  date_disagreements: disagreements.length,
  date_pairs_checked: checked,
  size_bytes: size,
  index_bytes: size,
};

if (json) {
  console.log(JSON.stringify({ ...c, ...figures, built: manifest.built }));
} else {
  const lines: string[] = [];
  lines.push(`UN Citation Lens index report (public/index, built ${manifest.built}, ${size} bytes)`, '');
  lines.push(
    `Resolutions: GA ${figures.ga}, SC ${figures.sc}, HRC ${figures.hrc}, ECOSOC ${figures.ecosoc}; treaties: UNTS ${figures.unts}, MTDSG ${figures.mtdsg}`,
  );
  lines.push(
    `GA decisions ${figures.ga_decisions}; documents with a title ${figures.documents_titled}; titles fr ${figures.titles_fr}, es ${figures.titles_es}, ru ${figures.titles_ru}, zh ${figures.titles_zh}, ar ${figures.titles_ar}`,
  );
  lines.push(
    `Treaty Series: ${figures.unts} numbers known (${figures.unts_registrations} from the registrations), ${figures.unts_instruments} instruments under them`,
  );
  lines.push(
    `Instruments named by the gazetteer: ${figures.instruments} (${figures.instrument_titles} titles compiled, six languages)`,
  );
  lines.push('Entries per body and kind:');
  const byKind = new Map<string, number>();
  for (const e of entries) byKind.set(`${e.body}_${e.kind}`, (byKind.get(`${e.body}_${e.kind}`) ?? 0) + 1);
  for (const [k, v] of [...byKind].sort()) lines.push(`  ${k.padEnd(22)} ${v}`);
  lines.push(
    `  ${'total'.padEnd(22)} ${entries.length}   (+ ${records.size - entries.length} keys known only as cited)`,
  );
  lines.push(
    `  of which known only from citing texts: ${c.derived_only_entries ?? 0}; only from the instrument gazetteer: ${c.gazetteer_only_entries ?? 0}`,
  );
  lines.push(`  dated only by citing texts: ${figures.derived_dates}`);
  lines.push('');
  lines.push(
    `Citation edges: ${figures.edges} (dropped ${c.edges_dropped_single_non_english ?? 0} seen in one non-English text only)`,
  );
  lines.push(
    `Six-language check: edges per language ${['en', 'fr', 'es', 'ru', 'zh', 'ar'].map((l) => `${l} ${c[`edges_seen_${l}`] ?? 0}`).join(', ')}; English edges confirmed by another language ${c.cross_language_agreement}; in all six ${c.edges_all_six ?? 0}`,
  );
  lines.push(
    `Series: ${c.series}; searchable (latin/cyrillic/cjk/arabic): ${c.searchable_latin}/${c.searchable_cyrillic}/${c.searchable_cjk}/${c.searchable_arabic}`,
  );
  lines.push(
    `Coverage of cited keys: all ${c.coverage_all} (${c.cited_all_keys_known}/${c.cited_all_keys}), resolutions ${c.coverage_resolution} (${c.cited_resolution_keys_known}/${c.cited_resolution_keys}), treaties ${c.coverage_treaty}`,
  );
  lines.push(
    `  … known from metadata tables alone: resolutions ${c.coverage_resolution_tables}, all ${c.coverage_all_tables}`,
  );
  lines.push('');
  lines.push(
    `Date agreement: ${checked - disagreements.length}/${checked} (resolution, date) pairs written in texts agree with the index; ${disagreements.length} disagree:`,
  );
  lines.push(`  ${'key'.padEnd(20)} ${'index'.padEnd(11)} ${'cited'.padEnd(11)} texts  first citing`);
  for (const d of disagreements)
    lines.push(
      `  ${d.key.padEnd(20)} ${d.indexDate.padEnd(11)} ${d.citedDate.padEnd(11)} ${String(d.texts).padStart(5)}  ${d.source}`,
    );
  lines.push('');
  lines.push(
    `Keys known only from citing texts, whose texts give different dates (${derivedConflicts.length}; most cited first):`,
  );
  for (const [key, dates] of derivedConflicts) lines.push(`  ${key.padEnd(20)} ${dates.join(', ')}`);
  lines.push('');
  lines.push(
    `Treaty Series conflicts between sources (${treatyConflicts.length}; the registration is kept, the other shown):`,
  );
  for (const t of treatyConflicts)
    lines.push(`  ${t.key.padEnd(14)} ${t.kind.padEnd(6)} ${t.registration}  ≠  ${t.other} (${t.source})`);
  console.log(lines.join('\n'));
}
