/**
 * The "On this page" list: the tab's mentions (as its content script reports them) folded into one row per
 * cited key, grouped by kind, with the keys the index does not know kept apart. Pure.
 */
import { KINDS, type Kind } from '../core/mention';
import type { PageMention } from '../shared/protocol';

/** One cited key on the page. */
export interface PageCitation {
  key: string;
  kind: Kind;
  /** Surface of the first mention ("resolution 73/195"). */
  surface: string;
  /** Page indices of every mention of the key, in page order (handles for `highlightMention`). */
  indices: number[];
  /** Whether the index knows the key (unknown keys still get a card derived from the key). */
  resolved: boolean;
}

/** Rows of one kind. */
export interface PageCitationGroup {
  kind: Kind;
  items: PageCitation[];
}

/** What the popup shows under "On this page". */
export interface PageCitations {
  /** Known keys, one group per kind in the spec's kind order, rows in order of first appearance. */
  groups: PageCitationGroup[];
  /** Keys the index does not know, in order of first appearance. */
  unresolved: PageCitation[];
  /** Number of mentions (not keys). */
  total: number;
}

/**
 * Folds mentions into rows. `known` (key → whether the index holds it) wins over the content script's own
 * `resolved` flag, which may be absent; a key neither source marks as unknown counts as resolved.
 */
export function groupPageCitations(
  mentions: readonly PageMention[],
  known: ReadonlyMap<string, boolean> = new Map(),
): PageCitations {
  const rows = new Map<string, PageCitation & { flags: (boolean | undefined)[] }>();
  for (const m of mentions) {
    // An instrument and a resolution may share a key (the UDHR is A/RES/217(III)); they stay separate rows.
    const id = `${m.kind}\u0000${m.key}`;
    let row = rows.get(id);
    if (!row) {
      row = { key: m.key, kind: m.kind, surface: m.surface, indices: [], resolved: true, flags: [] };
      rows.set(id, row);
    }
    row.indices.push(m.index);
    row.flags.push(m.resolved);
  }
  const groups = new Map<Kind, PageCitation[]>();
  const unresolved: PageCitation[] = [];
  for (const { flags, ...row } of rows.values()) {
    const fromIndex = known.get(row.key);
    row.resolved = fromIndex ?? !flags.every((f) => f === false);
    row.indices.sort((a, b) => a - b);
    if (!row.resolved) unresolved.push(row);
    else {
      const list = groups.get(row.kind) ?? [];
      list.push(row);
      groups.set(row.kind, list);
    }
  }
  return {
    groups: KINDS.filter((k) => groups.has(k)).map((kind) => ({ kind, items: groups.get(kind)! })),
    unresolved,
    total: mentions.length,
  };
}

/** Unique keys of the mentions, in order of first appearance (what the popup looks up). */
export function uniqueKeys(mentions: readonly Pick<PageMention, 'key'>[]): string[] {
  return [...new Set(mentions.map((m) => m.key))];
}
