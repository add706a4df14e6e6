/**
 * The trace view's pure parts: what a selection asks to trace, and the citator
 * sections built from the index's {@link Trace}: recalls grouped by where they stand, cited-by ordered by
 * weight, the series around the item. No DOM, no browser API.
 */
import { parseKey } from '../core/index/keys';
import type { SeriesRecord, TraceEdge } from '../core/index/types';
import type { FindResult, Lang, Placement } from '../core/mention';

/** What a selected text cites. */
export interface SelectionReading {
  /** The key to trace: the selection as a whole when it is a key, else its first citation. */
  key?: string;
  /** Every cited key, in order of first appearance (the view offers the others). */
  keys: string[];
}

/**
 * Reads a selection: a bare key in any spelling ("73/195", "S/RES/2334 (2016)") first, otherwise whatever
 * the finder sees in it as running text ("Recalling its resolutions 58/208 of … and 59/241 …").
 * `find` is the core finder (injected so the view and tests decide which finder and gazetteer run).
 */
export function readSelection(
  text: string,
  find: (text: string) => Pick<FindResult, 'mentions'>,
): SelectionReading {
  const whole = parseKey(text)?.key;
  if (whole) return { key: whole, keys: [whole] };
  const keys = [...new Set(find(text).mentions.map((m) => m.key))];
  return keys.length > 0 ? { key: keys[0], keys } : { keys };
}

/** Placements in the order a resolution reads: preamble, operative paragraphs, footnotes, elsewhere. */
export const PLACEMENT_ORDER: readonly Placement[] = ['preamble', 'operative', 'footnote', 'other'];

/** A group of recalled documents sharing where they (first) stand. */
export interface PlacementGroup {
  placement: Placement;
  edges: TraceEdge[];
}

/**
 * Natural order of keys: series, then session/year, then number ("A/RES/58/208" before "A/RES/60/227",
 * "S/RES/242(1967)" before "S/RES/1325(2000)").
 */
export function compareKeys(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
}

/** The first placement of an edge in {@link PLACEMENT_ORDER} (edges without one count as `other`). */
export function primaryPlacement(edge: TraceEdge): Placement {
  return PLACEMENT_ORDER.find((p) => edge.placements.includes(p)) ?? 'other';
}

/**
 * Recalls grouped by primary placement, groups in reading order, keys in natural order inside a group.
 * Each edge appears once; its other placements stay on the edge for the view to show.
 */
export function groupRecalls(edges: readonly TraceEdge[]): PlacementGroup[] {
  const groups = new Map<Placement, TraceEdge[]>();
  for (const e of edges) {
    const p = primaryPlacement(e);
    const list = groups.get(p) ?? [];
    list.push(e);
    groups.set(p, list);
  }
  return PLACEMENT_ORDER.filter((p) => groups.has(p)).map((placement) => ({
    placement,
    edges: [...groups.get(placement)!].sort((a, b) => compareKeys(a.key, b.key)),
  }));
}

/** Per placement: how many documents stand there and how many times they are cited there in all. */
export type PlacementCounts = Record<Placement, { documents: number; citations: number }>;

/**
 * Counts by placement over every placement of every edge. An edge's `count` is attributed to each of its
 * placements' `citations` only when it has one placement (the index does not split counts by placement);
 * with several, each counts once.
 */
export function placementCounts(edges: readonly TraceEdge[]): PlacementCounts {
  const out = Object.fromEntries(
    PLACEMENT_ORDER.map((p) => [p, { documents: 0, citations: 0 }]),
  ) as PlacementCounts;
  for (const e of edges) {
    const places = e.placements.length > 0 ? e.placements : (['other'] as Placement[]);
    for (const p of places) {
      out[p].documents += 1;
      out[p].citations += places.length === 1 ? e.count : 1;
    }
  }
  return out;
}

/** Total number of citations over edges (the sum of their counts). */
export function totalCitations(edges: readonly TraceEdge[]): number {
  return edges.reduce((n, e) => n + e.count, 0);
}

/** Cited-by rows: most citations first, then the newest document first (natural key order, reversed). */
export function orderCitedBy(edges: readonly TraceEdge[]): TraceEdge[] {
  return [...edges].sort((a, b) => b.count - a.count || compareKeys(b.key, a.key));
}

/** Where the item stands in its series. */
export interface SeriesPosition {
  /** 0-based position, -1 when the key is not a member. */
  index: number;
  previous?: string;
  next?: string;
}

/** The previous and next resolution on the same subject (the series keys are in date order). */
export function seriesPosition(series: SeriesRecord | undefined, key: string): SeriesPosition {
  const keys = series?.keys ?? [];
  const index = keys.indexOf(key);
  if (index < 0) return { index };
  const pos: SeriesPosition = { index };
  if (index > 0) pos.previous = keys[index - 1];
  if (index < keys.length - 1) pos.next = keys[index + 1];
  return pos;
}

/** What a trace row shows of a key besides the key: its title and date. */
export interface RowFacts {
  title?: string;
  date?: string;
  /** True when the title is the item's own (false: the words a citing text used for it). */
  ownTitle?: boolean;
  /** The title's language. */
  titleLang?: Lang;
}

/**
 * The series' subject in the reader's language: the index's series title in English, else the own title
 * most of its members share in that language (the members of a series are the same subject's resolutions
 * over the years), else the index's (English) title.
 */
export function seriesTitle(series: SeriesRecord, facts: ReadonlyMap<string, RowFacts>, lang: Lang): string {
  if (lang === 'en') return series.title;
  const votes = new Map<string, number>();
  for (const key of series.keys) {
    const f = facts.get(key);
    const title = f?.title?.trim();
    if (title && f?.ownTitle && f.titleLang === lang) votes.set(title, (votes.get(title) ?? 0) + 1);
  }
  const best = [...votes].sort((a, b) => b[1] - a[1])[0];
  return best?.[0] ?? series.title;
}

/**
 * The facts of the series' rows: each member's own title and date, and for a member whose title the index
 * knows only from citing texts ("international migration and development", lower case, as the text ran on),
 * the series' title ({@link seriesTitle}), which is that subject as the index names it. A subject a text in
 * the reader's own language gave stays when the series has no title in that language.
 */
export function seriesFacts(
  series: SeriesRecord,
  facts: ReadonlyMap<string, RowFacts>,
  lang: Lang,
): Map<string, RowFacts> {
  const title = seriesTitle(series, facts, lang);
  const titled = title !== series.title || lang === 'en';
  const out = new Map<string, RowFacts>();
  for (const key of series.keys) {
    const f = facts.get(key) ?? {};
    // Its own title in the reader's language stays; so does any own title, or a subject a text in the
    // reader's language gave, when the series has no title in that language.
    const keep = f.ownTitle ? f.titleLang === lang || !titled : !titled && f.title && f.titleLang === lang;
    out.set(
      key,
      keep ? f : { ...f, title, ownTitle: false, ...(titled ? { titleLang: lang } : { titleLang: 'en' }) },
    );
  }
  return out;
}
