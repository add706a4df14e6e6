/**
 * The line of text that names a cited thing in lists (popup rows, trace rows, search results). Pure.
 */
import { listTitle } from '../card/library-title';
import type { Card, SearchHit } from '../core/index/types';
import type { Lang } from '../core/mention';
import type { Result } from '../shared/protocol';

/**
 * The title in the reader's language, else the English title, else the subject a citing text gave (in the
 * reader's language, else English, else any)
 * ("on international migration and development"): most GA resolutions of sessions 31–73 are known to the
 * index only through what later texts say of them.
 */
export function cardTitle(card: Pick<Card, 'entry'>, lang: Lang): string | undefined {
  const entry = card.entry;
  if (!entry) return undefined;
  const title = storedTitle(entry, lang);
  // A library's description of an untitled text (an SC resolution) is bracketed, never passed off as a title.
  if (title) return listTitle({ key: entry.key, title });
  // The reader's language first, then English (the titles above are English), then whatever a text said.
  const said = (l?: Lang) =>
    entry.derived?.find((d) => d.subject && (l === undefined || d.lang === l))?.subject;
  return said(lang) ?? said('en') ?? said() ?? undefined;
}

/** The stored title in `lang`, else the English one, as a list shows it (not yet bracketed). */
function storedTitle(entry: NonNullable<Card['entry']>, lang: Lang): string | undefined {
  const title = entry.titles?.[lang] || entry.title;
  // Some titles in the data end in a stray separator ("الهجرة الدولية والتنمية -"), left from a split line.
  return title && (title.replace(/[\s\-‐–—:;,]+$/u, '') || title);
}

/**
 * The date of a cited thing: its own, else the one a citing text gave ("resolution 58/208 of 23 December
 * 2003"), which is how the index knows the dates of most older resolutions.
 */
export function cardDate(card: Pick<Card, 'entry'>): string | undefined {
  const entry = card.entry;
  return entry?.date ?? entry?.derived?.find((d) => d.date)?.date;
}

/**
 * Where the title {@link cardTitle} gives comes from: the item's own (`own`), or the words a citing text used
 * for it (`said`), and in which language.
 */
export function cardTitleSource(card: Pick<Card, 'entry'>, lang: Lang): { own: boolean; lang?: Lang } {
  const entry = card.entry;
  if (entry?.titles?.[lang]) return { own: true, lang };
  if (entry?.title) return { own: true, lang: 'en' };
  const title = cardTitle(card, lang);
  const said = entry?.derived?.find((d) => d.subject === title);
  return { own: false, ...(said ? { lang: said.lang } : {}) };
}

/**
 * Search hits with each title in the reader's language where the index has one. The search answers with the
 * title in the query's script (English for a Latin-script query), so a French reader's hits are looked up
 * again (shards the search itself mostly read) for their French titles; a hit without one keeps its own.
 */
export async function localizeHits(
  hits: Result<SearchHit[]>,
  lang: Lang,
  lookup: (key: string) => Promise<Result<Card>>,
): Promise<Result<SearchHit[]>> {
  if (!hits.ok || lang === 'en') return hits;
  const cards = await Promise.all(hits.value.map((h) => lookup(h.key)));
  return {
    ok: true,
    value: hits.value.map((h, i) => {
      const entry = cards[i]?.ok ? cards[i].value.entry : undefined;
      // Not bracketed here: the search box brackets a library description (listTitle) as it shows the hit.
      const title = entry?.titles?.[lang] ? storedTitle(entry, lang) : undefined;
      return title ? { ...h, title } : h;
    }),
  };
}
