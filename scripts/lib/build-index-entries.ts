/**
 * The index build's entry phases: the tables' entries with their titles, Treaty Series registrations
 * (linked to MTDSG twins), the instrument gazetteer, and the facts citing texts give (dates, subjects),
 * checked against the tables. Each phase adds to the build's entries and counts.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bodyOfSymbol, parseKey } from '../../src/core/index/keys.ts';
import type { IndexEntry } from '../../src/core/index/types.ts';
import { instrumentId } from '../../src/core/instruments/gazetteer.ts';
import { LANGS, type Lang } from '../../src/core/mention.ts';
import { readJson } from './data-io.ts';
import { type DatePairRow, LANG_BITS } from './mine-citations.ts';
import { PROTOCOL_WORD } from './mine-gazetteer.ts';

/** `sources` value of an entry known only from citing texts. */
export const DERIVED_SOURCE = 'derived from citing texts';

/** What the phases build together: made by {@link loadEntries}, passed to every later phase. */
export interface Build {
  /** Every entry by key, in the order the phases add them (the shards and search keep that order). */
  entries: Map<string, IndexEntry>;
  /** The manifest's counts, in the order the phases set them. */
  counts: Record<string, number>;
}

/** A (key, date) disagreement: the text writes one date, the index holds another. */
export interface Disagreement {
  key: string;
  indexDate: string;
  citedDate: string;
  texts: number;
  source: string;
}

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

/** Tables of entries, in the order they are added (a later table's entry replaces an earlier one's). */
const ENTRY_TABLES = ['ga', 'sc', 'hrc', 'ecosoc', 'mtdsg', 'ga-decisions', 'documents'];

/**
 * The tables' entries (GA, SC, HRC, ECOSOC resolutions, MTDSG treaties, GA decisions, document titles), the
 * HRC's official metadata laid over the hrc-dw rows of the same key, and titles in the six languages from
 * the AKN4UN texts. A table a clone's data/ lacks is skipped.
 */
export function loadEntries(dataDir: string): Build {
  const entries = new Map<string, IndexEntry>();
  const table = (name: string): IndexEntry[] => {
    const path = join(dataDir, `tables/${name}.json.gz`);
    return existsSync(path) ? readJson<IndexEntry[]>(path) : [];
  };
  for (const t of ENTRY_TABLES) for (const e of table(t)) entries.set(e.key, e);
  // The Council's own data first; hrc-dw keeps what only it has (the action text of older sessions).
  for (const o of table('hrc-official')) {
    const dw = entries.get(o.key);
    const sources = [...new Set([...(o.sources ?? []), ...(dw?.sources ?? [])])];
    entries.set(o.key, { ...dw, ...o, sources });
  }
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
  return { entries, counts: {} };
}

/**
 * The draft a resolution was adopted on, when the record says it was adopted on that draft as issued: one
 * L-document ("A/77/L.5", "A/HRC/52/L.38/Rev.1", "E/2024/L.12"), or one with its addenda ("A/74/L.1 and
 * A/74/L.1/Add.1": an addendum only lists further sponsors, it changes no word of the text). A record that
 * names an amendment or an oral revision ("A/75/L.59 (as amended in A/75/L.60)", "…, as orally revised …")
 * gives undefined: the amended or revised wording, title included, is then not the draft's. The symbol is
 * keyed as citations are (`parseKey`: the source's "A/77/L45/Rev.1" is A/77/L.45/Rev.1).
 */
export function draftAdoptedAsIssued(draft: string | undefined): string | undefined {
  const m = /^(\S+?)(?: and \1 ?\/Add\.\d+)?$/.exec(draft?.trim() ?? '');
  const parsed = m ? parseKey(m[1]!) : undefined;
  if (parsed?.kind !== 'document' || !/\/L\.\d+(?:\/Rev\.\d+)?$/.test(parsed.key)) return undefined;
  return parsed.key;
}

/**
 * Titles of draft resolutions from the resolutions adopted on them. A draft resolution is issued under the
 * title the resolution then bears; it is the draft's title only when the resolution was adopted on that very
 * document as issued ({@link draftAdoptedAsIssued}: no amendment, no oral revision recorded, a revised draft
 * "Rev.1" titled, never the L.n it replaced) and no other resolution names the same draft. The resolution's
 * titles in the other five languages come with it. A draft the documents table titles by itself (a
 * programme-budget-implications statement names it) keeps that title; the resolution's other-language titles
 * are added only when both English titles agree. The check on those drafts: all 7 that both sources title
 * agree (one writes "2024-2034" with a hyphen where the resolution has an en dash).
 * Counts `drafts_titled` (new titles) and `drafts_titled_agreeing` (drafts titled by both, agreeing).
 */
export function addDraftTitles({ entries, counts }: Build): void {
  const byDraft = new Map<string, IndexEntry[]>();
  for (const e of entries.values()) {
    if (e.kind !== 'resolution') continue;
    const draft = draftAdoptedAsIssued(e.draft);
    if (draft) byDraft.set(draft, [...(byDraft.get(draft) ?? []), e]);
  }
  counts.drafts_titled = 0;
  counts.drafts_titled_agreeing = 0;
  for (const [draft, [res, ...others]] of byDraft) {
    if (!res?.title || others.length > 0) continue;
    const cur = entries.get(draft);
    if (cur?.title) {
      if (normTitle(cur.title) !== normTitle(res.title)) continue;
      counts.drafts_titled_agreeing++;
      if (res.titles) cur.titles = { ...res.titles, ...cur.titles };
      cur.adoptedAs ??= res.key;
      continue;
    }
    entries.set(draft, {
      ...cur,
      key: draft,
      kind: 'document',
      body: bodyOfSymbol(draft),
      title: res.title,
      ...(res.titles ? { titles: res.titles } : {}),
      adoptedAs: res.key,
      sources: [...new Set([...(cur?.sources ?? []), ...(res.sources ?? [])])],
    });
    counts.drafts_titled++;
  }
}

/** One instrument of the gazetteer: its key, English name and titles by language (and a protocol's volume). */
export interface GazetteerRow {
  key: string;
  name: string;
  titles: Partial<Record<Lang, string[]>>;
  /** Treaty Series volume of a protocol or amendment registered under the key's number. */
  volume?: number;
}

/** data/gazetteer/*.json merged by instrument (key and volume; titles of one from several files joined, without repeats). */
function mergeGazetteer(dir: string): GazetteerRow[] {
  const gdir = join(dir, 'gazetteer');
  const byKey = new Map<string, GazetteerRow>();
  if (!existsSync(gdir)) return [];
  // The curated seed first: its first title of a language is the one a card shows (mined titles of a
  // treaty number may name a protocol registered under it).
  const files = readdirSync(gdir)
    .filter((f) => f.endsWith('.json'))
    .sort((a, b) => Number(b === 'seed.json') - Number(a === 'seed.json') || a.localeCompare(b));
  for (const f of files) {
    const rows = readJson<GazetteerRow[]>(join(gdir, f));
    if (!Array.isArray(rows)) continue;
    for (const r of rows) {
      if (typeof r?.key !== 'string' || typeof r.name !== 'string') continue;
      const id = instrumentId(r);
      const cur = byKey.get(id);
      if (!cur) {
        byKey.set(id, {
          key: r.key,
          name: r.name,
          titles: { ...r.titles },
          ...(r.volume ? { volume: r.volume } : {}),
        });
        continue;
      }
      for (const [lang, list] of Object.entries(r.titles ?? {}) as [Lang, string[]][])
        cur.titles[lang] = [...new Set([...(cur.titles[lang] ?? []), ...list])];
    }
  }
  return [...byKey.values()];
}

/**
 * Instruments of the gazetteer (data/gazetteer/*.json): a name and titles in six languages for keys the
 * tables lack (the Paris Agreement is never cited with its Treaty Series number here), and extra search
 * words (all title variants) for every instrument. Returns the merged gazetteer and those words by key.
 */
export function addGazetteer(
  dataDir: string,
  { entries, counts }: Build,
): { gazetteer: GazetteerRow[]; instrumentWords: Map<string, string[]> } {
  const gazetteer = mergeGazetteer(dataDir);
  const instrumentWords = new Map<string, string[]>();
  const clean = (t: string) => t.replace(/^《|》$/g, '');
  for (const g of gazetteer) {
    if (g.key.startsWith('block:')) continue;
    if (g.volume) {
      addGazetteerProtocol(entries.get(g.key), g, clean, counts);
      continue;
    }
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
  return { gazetteer, instrumentWords };
}

/**
 * A gazetteer protocol (a title naming the instrument in `volume` under its treaty's number): its titles are
 * never the treaty's, nor words the treaty is searched by. When the treaty's entry holds no instrument in that
 * volume (the footnotes never cited it alone), the gazetteer's becomes one, so a mention of its title opens a
 * card with its own title. One the entry holds gains the titles of languages it lacks, and a footnote title that
 * names no protocol or amendment (the treaty's name before a footnote citing the protocol's volume: UNTOC's for
 * vol. 2237, the Trafficking Protocol) gives way to the gazetteer's; each such replacement is counted
 * (`protocol_titles_from_gazetteer`).
 */
function addGazetteerProtocol(
  e: IndexEntry | undefined,
  g: GazetteerRow,
  clean: (t: string) => string,
  counts: Record<string, number>,
): void {
  if (!e || !g.volume || e.volumes?.includes(g.volume)) return;
  let inst = e.instruments?.find((i) => i.volumes.includes(g.volume!));
  if (!inst) {
    inst = { volumes: [g.volume], sources: ['instrument gazetteer'] };
    e.instruments = [...(e.instruments ?? []), inst].sort((a, b) => a.volumes[0]! - b.volumes[0]!);
  }
  for (const lang of LANGS) {
    const t = g.titles[lang]?.[0];
    const cur = lang === 'en' ? inst.title : inst.titles?.[lang];
    if (!t || !PROTOCOL_WORD.test(t) || (cur && PROTOCOL_WORD.test(cur))) continue;
    if (cur) counts.protocol_titles_from_gazetteer = (counts.protocol_titles_from_gazetteer ?? 0) + 1;
    if (lang === 'en') inst.title = clean(t);
    else inst.titles = { ...inst.titles, [lang]: clean(t) };
  }
}

/** What {@link deriveFacts} found: the disagreements, and how many facts and date pairs it counted. */
export interface DerivedFacts {
  disagreements: Disagreement[];
  derivedFacts: number;
  checkedPairs: number;
  agreeingPairs: number;
}

/**
 * Facts learned from citations (a date, a subject), and the agreement check against the tables' dates: a
 * tabled date is checked, not replaced; a key the tables lack gets the texts' facts (and an entry).
 */
export function deriveFacts(dataDir: string, { entries, counts }: Build): DerivedFacts {
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
  return { disagreements, derivedFacts, checkedPairs, agreeingPairs };
}

/** Keys known only from citing texts whose texts give different dates: [key, dates (most cited first)]. */
export function derivedConflicts(entries: Map<string, IndexEntry>): [string, string[]][] {
  const out: [string, string[]][] = [];
  for (const e of entries.values()) {
    if (e.date) continue;
    const dates = [...new Set((e.derived ?? []).flatMap((d) => (d.date ? [d.date] : [])))];
    if (dates.length > 1) out.push([e.key, dates]);
  }
  return out;
}
