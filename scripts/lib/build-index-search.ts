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
  return searchFiles;
}
