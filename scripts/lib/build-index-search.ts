/**
 * The index build's search phase: one part per script (numbers and en/fr/es titles in the Latin part;
 * ru, zh, ar apart), each a document table plus postings split by term group (src/core/index/text-search.ts).
 */
import { SCRIPT_LANGS, type SearchScript, scriptOf } from '../../src/core/index/search-options.ts';
import {
  type SearchDocsFile,
  type SearchGroupFile,
  searchTerms,
  termGroup,
} from '../../src/core/index/text-search.ts';
import { INDEX_FORMAT_VERSION } from '../../src/core/index/types.ts';
import type { Lang } from '../../src/core/mention.ts';
import type { Build } from './build-index-entries.ts';

/**
 * The number a key is cited by ("1970" of S/RES/1970 (2011), "195" of A/RES/73/195) and its session or year
 * ("2011", "73"): a query for the number finds the key as a key number (`#1970`), ranked above keys that
 * only share the year or session, which are posted as ordinary words.
 */
export function numForms(key: string): { number: string; context: string } {
  let m = /^(?:A\/RES|A\/HRC\/RES|E\/RES|E\/CN\.4\/RES|A\/DEC|A\/HRC\/DEC|E\/DEC)\/([\w-]+)\/(\d+)$/.exec(
    key,
  );
  if (m) return { number: m[2]!, context: m[1]! };
  m = /^(?:S|A|E)\/RES\/(\d+)\(([\w-]+)\)$/.exec(key);
  if (m) return { number: m[1]!, context: m[2]! };
  m = /^(?:UNTS [I]+-|LNTS )(\d+)$/.exec(key);
  if (m) return { number: m[1]!, context: '' };
  m = /^MTDSG ([IVXLC]+-.+)$/.exec(key);
  if (m) return { number: m[1]!, context: '' };
  // A document symbol's segments ("E/2011/L.52") are words of it, not a citation number.
  return { number: '', context: key };
}

/**
 * The search files, path → content, for every known (not stub) entry; `instrumentWords` are extra
 * words (every title variant) an instrument is found by. Sets `searchable_<script>` in the counts.
 */
export function buildSearch(
  { entries, counts }: Build,
  instrumentWords: Map<string, string[]>,
): [string, unknown][] {
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
      // An MTDSG entry with a Treaty Series twin is the same instrument: listed once, under its UNTS key.
      if (e.body === 'MTDSG' && e.sameAs?.some((k) => k.startsWith('UNTS '))) continue;
      const ts = langs.map((l) => (l === 'en' ? e.title : e.titles?.[l])).filter((t): t is string => !!t);
      if (script === 'latin') for (const d of e.derived ?? []) if (d.subject) ts.push(d.subject);
      // Every title variant of an instrument finds it (any language of the part's script).
      const extra = (instrumentWords.get(e.key) ?? []).filter((t) => scriptOf(t) === script);
      if (script !== 'latin' && ts.length === 0) continue;
      // A draft titled by the resolution adopted on it (addDraftTitles) would answer every title query a
      // second time, under the resolution: it stays in the Latin table (the trace view's titles of cited
      // drafts come from there) and is found by its symbol, not by its title's words.
      const byResolution = e.adoptedAs !== undefined && e.sources?.includes('un-reports-metadata') !== true;
      if (byResolution && script !== 'latin') continue;
      const doc = docs.keys.length;
      const first = ts[0] ?? '';
      docs.keys.push(e.key);
      // The hit list shows a cut title; the card shows the whole one.
      docs.titles.push(first.length > 80 ? `${first.slice(0, 79)}…` : first);
      docs.dates.push(e.date ?? e.derived?.find((d) => d.date)?.date ?? '');
      docs.lengths.push(new Set(searchTerms(first)).size);
      if (!byResolution)
        for (const t of new Set([...ts, ...extra].flatMap((x) => searchTerms(x)))) post(t, doc);
      if (script === 'latin') {
        const { number, context } = numForms(e.key);
        for (const t of new Set(searchTerms(number))) post(`#${t}`, doc);
        for (const t of new Set(searchTerms(context))) post(t, doc);
      }
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
  return searchFiles;
}
