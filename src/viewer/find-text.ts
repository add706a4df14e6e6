/**
 * Find in page for the viewer: searches the pages' built text (so a phrase broken across lines, a symbol cut at
 * a slash or a hyphenated word is found as the reader sees it) and answers with text ranges per page, which the
 * viewer maps back to text-layer pieces with `mapRange`. Pure.
 */
import type { PageText } from './pdf-text';

/** One match: page index (0-based) and its range in that page's text. */
export interface FindHit {
  page: number;
  start: number;
  end: number;
}

const MAX_HITS = 1000;

/** Builds the search pattern: case-insensitive, any run of whitespace matches any run of whitespace. */
export function findPattern(query: string): RegExp | undefined {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  const src = words.map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('\\s+');
  return new RegExp(src, 'giu');
}

/** All matches of `query` in the pages (pages not read yet are skipped), in page order; at most 1000. */
export function findInPages(pages: readonly (PageText | undefined)[], query: string): FindHit[] {
  const re = findPattern(query);
  const hits: FindHit[] = [];
  if (!re) return hits;
  pages.forEach((p, page) => {
    if (!p) return;
    re.lastIndex = 0;
    for (let m = re.exec(p.text); m && hits.length < MAX_HITS; m = re.exec(p.text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      hits.push({ page, start: m.index, end: m.index + m[0].length });
    }
  });
  return hits;
}
