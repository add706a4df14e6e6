/**
 * The finder's output contract (../shared/spec/citation-keys.md, "The finder's output").
 * Pure data: no DOM, no browser API. Every context (content script, worker, viewer, CLI,
 * index builder) speaks these types.
 */

/** Citation kinds of the spec. */
export type Kind = 'resolution' | 'decision' | 'document' | 'treaty' | 'sales' | 'instrument';

export const KINDS: readonly Kind[] = ['resolution', 'decision', 'document', 'treaty', 'sales', 'instrument'];

/** The six official UN languages. */
export type Lang = 'en' | 'fr' | 'es' | 'ru' | 'zh' | 'ar';

export const LANGS: readonly Lang[] = ['en', 'fr', 'es', 'ru', 'zh', 'ar'];

/** Where a citation stands in a resolution, when the caller knows the structure. */
export type Placement = 'preamble' | 'operative' | 'footnote' | 'other';

/** One occurrence of a citation in a text. Offsets are UTF-16 code units into the scanned text. */
export interface Mention {
  /** Start offset (inclusive) of the surface in the scanned text. */
  offset: number;
  /** End offset (exclusive); `text.slice(offset, end) === surface`. */
  end: number;
  /** Exact surface text, footnote markers excluded. */
  surface: string;
  kind: Kind;
  /** Canonical key of the spec, e.g. `A/RES/73/195`, `UNTS I-30822`, `Sales No. 95.XIII.18`. */
  key: string;
  /** 0..1; lower for forms decided without context (a bare `58/208`). */
  confidence?: number;
  /** Part letters: "A", or "A-E" for "43/222 A to E", "A,B" for "3411 A and B (XXX)". */
  part?: string;
  /** Treaty Series volume. */
  volume?: number;
  /** ISO date the text gives beside the number ("of 19 December 2018" → 2018-12-19). */
  date?: string;
  /** Set by the treaty grammar on a container "Ibid., vol. N, No. M"; find.ts checks the chain and strips it. */
  ibid?: boolean;
}

/** What the document says about itself: masthead symbol, title-line number, running heads. */
export interface Identity {
  /** Canonical key of the document itself (e.g. `A/RES/77/176`), when known. */
  key?: string;
  /** Every self-reference found (masthead, title line, running head), with offsets. */
  spans: {
    offset: number;
    end: number;
    surface: string;
    key: string;
    role: 'masthead' | 'title' | 'running-head';
  }[];
}

/** Result of scanning one text. */
export interface FindResult {
  /** Mentions in document order, never overlapping. */
  mentions: Mention[];
  identity: Identity;
  /** Language the finder settled on (given or detected). */
  lang: Lang;
}
