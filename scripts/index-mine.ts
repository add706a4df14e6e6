/**
 * `npm run index:mine -- [DIR]` (DIR defaults to ../shared/data): derives the compact tables the
 * index is built from and writes them under data/ (committed, with data/PROVENANCE.md), so a fresh
 * clone builds the index without DIR. Reads the big six-language texts; never copies them.
 *
 *   data/tables/*.json.gz   entries from the metadata tables (GA, SC, HRC, ECOSOC, MTDSG, GA decisions, HRC official
 *                           metadata, document titles), Treaty Series registrations, titles in 6 languages
 *   data/mined/*.json.gz    Treaty Series instruments from footnotes, citation edges, (key, date, subject) pairs
 *   data/gazetteer/mined.json  the instruments helper's mineGazetteer(DIR), when that module exists
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LANGS, type Lang } from '../src/core/mention.ts';
import { readJsonlGz, writeJson } from './lib/data-io.ts';
import { loadFinder, mineCitations } from './lib/mine-citations.ts';
import { inScript, mineTreaties, type TreatyEdgeRow, treatyGazetteer } from './lib/mine-treaties.ts';
import {
  type AknText,
  documentEntries,
  ecosocEntries,
  gaDecisionEntries,
  gaEntries,
  hrcEntries,
  hrcOfficialEntries,
  latinLookalikes,
  mtdsgEntries,
  scEntries,
  TEXT_SETS,
  textKey,
  untsRegistrations,
} from './lib/source-tables.ts';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const dir = resolve(args[0] ?? join(root, '../shared/data'));
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const data = join(root, 'data');
const log = (s: string) => console.error(`index:mine: ${s}`);

async function titles(): Promise<Record<string, Partial<Record<Lang, string>>>> {
  // A Map, not an object: a key is never read as an inherited member ("constructor").
  const out = new Map<string, Partial<Record<Lang, string>>>();
  for (const lang of LANGS)
    for (const set of TEXT_SETS) {
      const file = join(dir, `${set}/texts_${lang}.jsonl.gz`);
      if (!existsSync(file)) continue;
      for await (const doc of readJsonlGz<AknText>(file)) {
        // Two Arabic HRC titles start with ". " in the source, and 603 Arabic GA titles with the "- " that
        // followed the resolution's number ("74/1 - جدول الأنصبة …").
        const title = doc.title?.replace(/^[-–—.\s]+/, '').trim();
        if (!title || !inScript(doc, lang)) continue;
        // A number's parts are one entry: the first part's title (the export sorts parts A, B …) is its title.
        const key = textKey(doc.symbol);
        const entry = out.get(key) ?? {};
        entry[lang] ??= title;
        out.set(key, entry);
      }
    }
  return Object.fromEntries(out);
}

async function main(): Promise<void> {
  if (!existsSync(join(dir, 'combined/ga_resolutions_combined.csv'))) {
    console.error(
      `index:mine: ${dir} does not look like the shared data folder (no combined/ga_resolutions_combined.csv)`,
    );
    process.exit(2);
  }
  const stats: Record<string, unknown> = { source_dir: dir, mined: new Date().toISOString() };
  const t0 = Date.now();
  if (!only || only === 'tables') {
    const tables = {
      ga: gaEntries(dir),
      sc: scEntries(dir),
      hrc: hrcEntries(dir),
      ecosoc: ecosocEntries(dir),
      mtdsg: mtdsgEntries(dir),
      'ga-decisions': gaDecisionEntries(dir),
      'hrc-official': hrcOfficialEntries(dir),
      documents: documentEntries(dir),
      unts: untsRegistrations(dir),
    };
    for (const [name, rows] of Object.entries(tables)) {
      // Treaty Series registrations are rows [number, volumes, title, date].
      for (const row of rows)
        if (Array.isArray(row)) row[2] = latinLookalikes(row[2]);
        else if (row.title) row.title = latinLookalikes(row.title);
      const bytes = writeJson(join(data, `tables/${name}.json.gz`), rows);
      stats[`table_${name}`] = rows.length;
      log(`tables/${name}.json.gz: ${rows.length} entries, ${(bytes / 1024).toFixed(0)} KB`);
    }
    const t = await titles();
    writeJson(join(data, 'tables/titles.json.gz'), t);
    stats.titles_documents = Object.keys(t).length;
    log(`tables/titles.json.gz: ${Object.keys(t).length} documents`);
  }
  if (!only || only === 'treaties') {
    const treatyEdges: TreatyEdgeRow[] = [];
    const treaties = await mineTreaties(dir, LANGS, treatyEdges);
    writeJson(join(data, 'mined/treaties.json.gz'), treaties);
    writeJson(join(data, 'mined/treaty-edges.json.gz'), treatyEdges);
    stats.treaty_footnote_edges = treatyEdges.length;
    const registered = new Map(untsRegistrations(dir).map(([key, volumes]) => [key, volumes] as const));
    const gaz = treatyGazetteer(treaties, registered);
    writeJson(join(data, 'mined/treaty-gazetteer.json'), gaz);
    stats.treaties = treaties.length;
    stats.treaties_with_en_title = treaties.filter((t) => t.titles.en).length;
    log(
      `mined/treaties.json.gz: ${treaties.length} registrations (${stats.treaties_with_en_title} with an English title)`,
    );
  }
  if (!only || only === 'gazetteer') {
    const lib = join(root, 'scripts/lib/mine-gazetteer.ts');
    if (existsSync(lib)) {
      try {
        const mod = (await import(lib)) as { mineGazetteer?: (d: string) => unknown };
        if (typeof mod.mineGazetteer === 'function') {
          const entries = await mod.mineGazetteer(dir);
          writeJson(join(data, 'gazetteer/mined.json'), entries);
          stats.gazetteer_mined = Array.isArray(entries) ? entries.length : 0;
          log(`gazetteer/mined.json: ${String(stats.gazetteer_mined)} entries (mineGazetteer)`);
        }
      } catch (err) {
        log(`mineGazetteer failed: ${String(err)} (gazetteer/mined.json left as it was)`);
      }
    } else log('scripts/lib/mine-gazetteer.ts not there yet: gazetteer/mined.json left as it was');
  }
  if (!only || only === 'citations') {
    const { find, name } = await loadFinder();
    log(`finder: ${name}`);
    const mined = await mineCitations(dir, find, LANGS, log);
    writeJson(join(data, 'mined/edges.json.gz'), mined.edges);
    writeJson(join(data, 'mined/date-pairs.json.gz'), mined.pairs);
    Object.assign(stats, mined.stats, { finder: name });
    log(`mined/edges.json.gz: ${mined.edges.length} edges; date-pairs: ${mined.pairs.length}`);
  }
  stats.seconds = Math.round((Date.now() - t0) / 100) / 10;
  // Stats of a partial run are merged into the previous ones.
  const statsPath = join(data, 'mined/stats.json');
  let previous: Record<string, unknown> = {};
  if (only && existsSync(statsPath)) previous = (await import(statsPath, { with: { type: 'json' } })).default;
  writeJson(statsPath, { ...previous, ...stats });
  log(`done in ${stats.seconds} s`);
}

await main();
