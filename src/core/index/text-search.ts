import { own } from './own';
import { processTerm, type SearchScript, tokenize } from './search-options';

/**
 * Text search over titles and numbers, in a layout made for a worker that restarts often: the
 * postings are split by the first letter of the term, so a query reads its few term groups plus
 * one document table, never the whole index. (MiniSearch's serialised index of the Latin titles
 * is 3.5 MB of JSON that must be parsed and rebuilt in full before the first answer: 0.3–2 s on
 * the project machine, after every 30 s of worker idleness. Measured in scripts/bench/index.ts.)
 */

/** Documents of one script part, by position (postings hold positions). */
export interface SearchDocsFile {
  format: number;
  script: SearchScript;
  keys: string[];
  /** Title in the part's script, cut to 80 characters, "" when none. */
  titles: string[];
  /** ISO date or "". */
  dates: string[];
  /** Number of title words of each document (for the "how much of the title matched" bonus). */
  lengths: number[];
  /** Term groups that have a file (`search/<script>-<group>.json`). */
  groups: string[];
}

/** One term group: term → ascending document positions. Number terms of keys are stored as `#2334`. */
export interface SearchGroupFile {
  format: number;
  script: SearchScript;
  group: string;
  terms: Record<string, number[]>;
}

/**
 * The group a (processed) term belongs to. Latin part: digits and `#` key numbers together, letters
 * by initial (a query reads one small file per distinct initial). The other scripts' parts are
 * small (one group `all`).
 */
export function termGroup(term: string, script: SearchScript): string {
  if (script !== 'latin') return 'all';
  const c = term[0] ?? '';
  if (/[0-9#]/.test(c)) return 'num';
  if (/[a-z]/.test(c)) return c;
  return 'other';
}

/** The search terms of a text (same splitting and folding as the documents). */
export function searchTerms(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) {
    const p = processTerm(t);
    if (p) out.push(p);
  }
  return out;
}

/** A text-search hit before titles are attached. */
export interface RawHit {
  doc: number;
  score: number;
}

/** Whether two terms are within `max` edits (insert, delete, substitute, swap two neighbours). */
function within(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      // "migratoin" is one slip from "migration", not two.
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, before[j - 2]! + 1);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return false;
    before = prev;
    prev = cur;
  }
  return prev[b.length]! <= max;
}

/** Score added to a hit whose key number is every number of the query ("1970" → S/RES/1970 (2011)). */
export const KEY_NUMBER_TIER = 1000;
/** Score added to a hit whose title is the query, word for word ("Paris Agreement"). */
export const EXACT_TITLE_TIER = 500;

/**
 * Scores documents for a query: every query term must match (exactly, as a prefix when it has 3+
 * letters, or with one typo when it has 5+ letters); rarer terms weigh more; a query that covers more
 * of a short title ranks higher. Two tiers come first: keys whose citation number is the query's number
 * (before keys that only share its year), then entries whose title is the query (a named instrument).
 * @param groups the loaded group files, by group name (missing groups mean no match)
 */
export function scoreQuery(
  terms: string[],
  groups: ReadonlyMap<string, SearchGroupFile>,
  docs: SearchDocsFile,
): RawHit[] {
  const script = docs.script;
  if (terms.length === 0) return [];
  const n = docs.keys.length;
  let acc: Map<number, number> | undefined;
  // Documents whose key number is each numeric term of the query (undefined: the query has none).
  let keyNumber: Set<number> | undefined;
  for (const term of terms) {
    const file = groups.get(termGroup(term, script));
    const scores = new Map<number, number>();
    const add = (list: number[] | undefined, weight: number) => {
      if (!list) return;
      const idf = Math.log(1 + n / list.length);
      for (const d of list) scores.set(d, Math.max(scores.get(d) ?? 0, idf * weight));
    };
    if (file) {
      const isNum = /^\d+$/.test(term);
      add(own(file.terms, term), 1);
      if (isNum) {
        const list = own(file.terms, `#${term}`) ?? [];
        add(list, 2);
        keyNumber = keyNumber ? new Set(list.filter((d) => keyNumber!.has(d))) : new Set(list);
      }
      // Chinese is indexed as character pairs: a pair is matched exactly, never as a prefix.
      else if (script !== 'cjk')
        for (const [t, list] of Object.entries(file.terms)) {
          if (t === term || t.startsWith('#')) continue;
          if (term.length >= 3 && t.startsWith(term)) add(list, 0.7);
          else if (term.length >= 5 && within(term, t, 1)) add(list, 0.4);
        }
    }
    if (!acc) acc = scores;
    else {
      const next = new Map<number, number>();
      for (const [d, s] of acc) {
        const more = scores.get(d);
        if (more !== undefined) next.set(d, s + more);
      }
      acc = next;
    }
    if (acc.size === 0) return [];
  }
  const query = terms.join(' ');
  const hits: RawHit[] = [];
  for (const [doc, s] of acc ?? []) {
    const len = docs.lengths[doc] ?? 0;
    const cover = len > 0 ? Math.min(1, terms.length / len) : 0;
    let score = s * (1 + 0.5 * cover);
    if (keyNumber?.has(doc)) score += KEY_NUMBER_TIER;
    else if (len === terms.length && searchTerms(docs.titles[doc] ?? '').join(' ') === query)
      score += EXACT_TITLE_TIER;
    hits.push({ doc, score });
  }
  return hits.sort(
    (a, b) =>
      b.score - a.score || (docs.dates[b.doc] ?? '').localeCompare(docs.dates[a.doc] ?? '') || a.doc - b.doc,
  );
}
