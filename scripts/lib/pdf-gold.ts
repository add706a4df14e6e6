/**
 * The PDF gold sets: test/fixtures/pdf/<set>/<name>.items.json (what pdf.js reported for some pages of a UN PDF,
 * scripts/record-pdf-items.mjs) beside <name>.gold.json (the citations a reader finds on those pages, checked by
 * hand). Each document is read as the viewer reads it (annotate.ts `readDocument`: buildPageText, the identity,
 * annotatePage with the shipped gazetteer) and scored against its gold as a multiset of (page, kind, key).
 * Used by `npm run eval:pdf` and by the golden test src/viewer/pdf-real.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findCitations } from '../../src/core/find';
import { defaultInstrumentMatcher } from '../../src/core/instruments/default-gazetteer';
import type { Identity } from '../../src/core/mention';
import { type FindFn, type RecordedPage, readDocument } from '../../src/viewer/annotate';
import type { TextItemLike } from '../../src/viewer/pdf-text';

/** The PDF fixtures folder. */
export const PDF_FIXTURES = join(import.meta.dirname, '../../test/fixtures/pdf');

/** A recording: pdf.js's items per page; `page` is the 1-based page number when only some pages were recorded. */
export interface Recording {
  pdfjs: string;
  numPages?: number;
  pages: { page?: number; view: number[]; items: TextItemLike[] | RecordedItem[] }[];
}

/** The gold of one document: its language, its own symbol, and the mentions of each recorded page. */
export interface Gold {
  lang: string;
  identity: string;
  pages: { page: number; mentions: { kind: string; key: string }[] }[];
}

/** One document of a set: its recording and its gold. */
export interface GoldDoc {
  set: string;
  name: string;
  recording: Recording;
  gold: Gold;
}

/** Every document of every set (a folder of test/fixtures/pdf with *.gold.json beside *.items.json). */
export function loadGoldDocs(root = PDF_FIXTURES): GoldDoc[] {
  const out: GoldDoc[] = [];
  for (const set of readdirSync(root, { withFileTypes: true })) {
    if (!set.isDirectory()) continue;
    const dir = join(root, set.name);
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith('.gold.json')) continue;
      const name = f.slice(0, -'.gold.json'.length);
      const items = join(dir, `${name}.items.json`);
      if (!existsSync(items)) continue;
      out.push({
        set: set.name,
        name,
        recording: JSON.parse(readFileSync(items, 'utf8')) as Recording,
        gold: JSON.parse(readFileSync(join(dir, f), 'utf8')) as Gold,
      });
    }
  }
  return out;
}

/** The finder the viewer runs: the core finder with the gazetteer the extension ships (the same entries). */
export const viewerFind: FindFn = (text, options) =>
  findCitations(text, { ...options, gazetteer: defaultInstrumentMatcher() });

/**
 * A recorded item: pdf.js's own shape, or the compact one of the printed set (test/fixtures/pdf/printed/README.md):
 * `[str, size, x, y, width, hasEOL?]` for the transform `[size, 0, 0, size, x, y]`, else
 * `[str, transform, width, hasEOL?]`.
 */
type RecordedItem = TextItemLike | [string, number | number[], ...number[]];

function itemOf(raw: RecordedItem): TextItemLike {
  if (!Array.isArray(raw)) return raw;
  const [str, a, ...rest] = raw;
  if (Array.isArray(a)) {
    const [width = 0, eol] = rest;
    return { str, transform: a, width, ...(eol ? { hasEOL: true } : {}) };
  }
  const [x = 0, y = 0, width = 0, eol] = rest;
  return { str, transform: [a, 0, 0, a, x, y], width, height: a, ...(eol ? { hasEOL: true } : {}) };
}

/** Instruments with no key of their own (`instrument:UN Charter`) are not scored (spec: citation-keys.md). */
const unscored = (key: string): boolean => key.startsWith('instrument:');

/** The recording as the viewer's sparse page array: index = page number - 1. */
export function recordedPages(rec: Recording): (RecordedPage | undefined)[] {
  const pages: (RecordedPage | undefined)[] = [];
  rec.pages.forEach((p, k) => {
    pages[(p.page ?? k + 1) - 1] = { items: (p.items as RecordedItem[]).map(itemOf), view: p.view };
  });
  return Array.from(pages, (p) => p);
}

/** What the viewer finds: per 1-based page, the mentions' "kind key", the page's text, and the identity. */
function viewerMentions(
  doc: GoldDoc,
  scored: (key: string) => boolean,
): {
  identity: Identity;
  pages: Map<number, string[]>;
  texts: Map<number, string>;
} {
  const { identity, annotations, texts: built } = readDocument(recordedPages(doc.recording), viewerFind);
  const texts = new Map<number, string>();
  built.forEach((t, i) => {
    if (t) texts.set(i + 1, t.text);
  });
  const pages = new Map<number, string[]>();
  annotations.forEach((a, i) => {
    if (a)
      pages.set(
        i + 1,
        a.mentions.filter((m) => scored(m.key)).map((m) => `${m.kind} ${m.key}`),
      );
  });
  return { identity, pages, texts };
}

/**
 * Whether the page's text shows the number or symbol of a missed "p9 resolution A/RES/80/9" ("80/9"; spaces
 * aside): then the viewer read it and the finder did not take it, else the viewer's reading lost it. Undefined
 * for instruments (keyed by what they name, not by their words).
 */
export function missInText(miss: string, texts: Map<number, string>): boolean | undefined {
  const [page, kind, key] = miss.split(' ');
  if (kind === 'instrument' || !key) return undefined;
  const probe = key.replace(/^(?:A\/HRC\/RES|A\/HRC\/DEC|A\/RES|A\/DEC|S\/RES|E\/RES|E\/DEC)\//, '');
  const text = texts.get(Number(page?.slice(1))) ?? '';
  return text.replace(/\s+/g, '').includes(probe.replace(/\s+/g, ''));
}

/** Score of one document or a sum of several. */
export interface Score {
  tp: number;
  fp: number;
  fn: number;
  misses: string[];
  extras: string[];
}

function bag(xs: readonly string[]): Map<string, number> {
  const b = new Map<string, number>();
  for (const x of xs) b.set(x, (b.get(x) ?? 0) + 1);
  return b;
}

/** Multiset difference a − b, as a list. */
function minus(a: Map<string, number>, b: Map<string, number>): string[] {
  const out: string[] = [];
  for (const [k, v] of a) for (let n = b.get(k) ?? 0; n < v; n++) out.push(k);
  return out;
}

/**
 * Scores the viewer's mentions of a document against its gold: multiset of (page, kind, key). `keyless`: count
 * the instruments with no key of their own too (the spec does not score them; a test that the viewer keeps
 * every mention the finder makes does).
 */
export function scoreDoc(
  doc: GoldDoc,
  { keyless = false }: { keyless?: boolean } = {},
): Score & {
  identity: string | undefined;
  identityOk: boolean;
  pages: Map<number, string[]>;
  texts: Map<number, string>;
} {
  const scored = (key: string) => keyless || !unscored(key);
  const { identity, pages, texts } = viewerMentions(doc, scored);
  // The gold's identity as printed ("A/81/6 (Sect. 2)/Part A") against the viewer's key, spaces aside.
  const found = [...pages].flatMap(([page, ms]) => ms.map((m) => `p${page} ${m}`));
  const want = doc.gold.pages.flatMap((p) =>
    p.mentions.filter((m) => scored(m.key)).map((m) => `p${p.page} ${m.kind} ${m.key}`),
  );
  const fb = bag(found);
  const wb = bag(want);
  const misses = minus(wb, fb);
  const extras = minus(fb, wb);
  const bare = (s: string | undefined) => s?.replace(/\s+/g, '');
  return {
    tp: want.length - misses.length,
    fp: extras.length,
    fn: misses.length,
    misses,
    extras,
    identity: identity.key,
    identityOk: bare(identity.key) === bare(doc.gold.identity),
    pages,
    texts,
  };
}

/** Precision, recall and F1 of a score (1 when there is nothing to find and nothing was found). */
export function prf(s: Pick<Score, 'tp' | 'fp' | 'fn'>): { p: number; r: number; f1: number } {
  const p = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
  const r = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}
