/**
 * Golden test in the six UN languages: General Assembly resolutions printed to PDF by Chromium (justified, A4,
 * masthead, running heads, footers; scripts/make-printed-pdfs.mjs), as pdf.js read them in Chromium
 * (test/fixtures/pdf/printed/*.items.json). The viewer's code path (buildPageText on every page, the identity
 * from page 1, annotatePage page by page) must find what the finder finds on the same text as plain text, on
 * the same page (the gold, `*.gold.json`): F1 ≥ 0.93 in every language, Arabic and Chinese included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findCitations } from '../core/find';
import { defaultInstrumentMatcher } from '../core/instruments/default-gazetteer';
import { annotatePage, type FindFn, pdfIdentity } from './annotate';
import { buildPageText, type TextItemLike } from './pdf-text';

const DIR = join(import.meta.dirname, '../../test/fixtures/pdf/printed');

/** One item as make-printed-pdfs.mjs stores it: `[str, size, x, y, width, eol?]` or `[str, transform, width, eol?]`. */
type Stored = [string, number, number, number, number, 1?] | [string, number[], number, 1?];

function expand(s: Stored): TextItemLike {
  if (Array.isArray(s[1])) {
    const [str, transform, width, eol] = s as [string, number[], number, 1?];
    return { str, transform, width, ...(eol ? { hasEOL: true } : {}) };
  }
  const [str, size, x, y, width, eol] = s as [string, number, number, number, number, 1?];
  return { str, transform: [size, 0, 0, size, x, y], width, height: size, ...(eol ? { hasEOL: true } : {}) };
}

interface Gold {
  lang: string;
  identity: string;
  pages: { page: number; mentions: { kind: string; key: string }[] }[];
}

const gazetteer = defaultInstrumentMatcher();
const find: FindFn = (text, options) => findCitations(text, { ...options, gazetteer });

/** The viewer's reading of a recorded PDF: (kind key) of each mention, page by page, and the identity. */
function viewerMentions(pages: { view: number[]; items: TextItemLike[] }[]) {
  const first = buildPageText(pages[0]!.items, { pageHeight: pages[0]!.view[3]!, pageNumber: 1 });
  const identitySymbol = first.mastheadSymbol;
  const texts = pages.map((p, i) =>
    i === 0
      ? first
      : buildPageText(p.items, {
          pageHeight: p.view[3]! - p.view[1]!,
          pageNumber: i + 1,
          ...(identitySymbol ? { identity: identitySymbol } : {}),
        }),
  );
  // As main.ts: the masthead symbol, else what the finder reads as the first page's identity.
  const identity = pdfIdentity(first, identitySymbol ? undefined : annotatePage(texts, 0, find).identity);
  return {
    identity,
    texts,
    pages: texts.map((_, i) =>
      annotatePage(texts, i, find, identity).mentions.map((m) => `${m.kind} ${m.key}`),
    ),
  };
}

const docs = readdirSync(DIR)
  .filter((f) => f.endsWith('.gold.json'))
  .sort()
  .map((f) => {
    const name = f.replace(/\.gold\.json$/, '');
    const gold = JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Gold;
    const rec = JSON.parse(readFileSync(join(DIR, `${name}.items.json`), 'utf8')) as {
      pages: { view: number[]; items: Stored[] }[];
    };
    return { name, gold, pages: rec.pages.map((p) => ({ view: p.view, items: p.items.map(expand) })) };
  });

const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());

/** True positives, false positives and false negatives of one page: multisets of "kind key". */
function score(got: string[], want: string[]) {
  const g = count(got);
  const w = count(want);
  let tp = 0;
  for (const [k, n] of g) tp += Math.min(n, w.get(k) ?? 0);
  return { tp, fp: got.length - tp, fn: want.length - tp };
}

describe('printed UN resolutions in six languages, as the viewer reads them', () => {
  const perLang = new Map<string, { tp: number; fp: number; fn: number; errors: string[] }>();
  for (const doc of docs) {
    const { pages, identity } = viewerMentions(doc.pages);
    const acc = perLang.get(doc.gold.lang) ?? { tp: 0, fp: 0, fn: 0, errors: [] };
    perLang.set(doc.gold.lang, acc);
    if (identity.key !== doc.gold.identity) acc.errors.push(`${doc.name}: identity ${identity.key}`);
    doc.gold.pages.forEach((gp, i) => {
      const want = gp.mentions.map((m) => `${m.kind} ${m.key}`);
      const got = pages[i] ?? [];
      const s = score(got, want);
      acc.tp += s.tp;
      acc.fp += s.fp;
      acc.fn += s.fn;
      const g = count(got);
      const w = count(want);
      for (const k of new Set([...g.keys(), ...w.keys()])) {
        const d = (g.get(k) ?? 0) - (w.get(k) ?? 0);
        if (d) acc.errors.push(`${doc.name} p${i + 1}: ${d > 0 ? '+' : ''}${d} ${k}`);
      }
    });
  }
  const f1 = (a: { tp: number; fp: number; fn: number }) => (2 * a.tp) / (2 * a.tp + a.fp + a.fn || 1);

  test('fixtures: five resolutions in each of the six languages', () => {
    expect([...perLang.keys()].sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    for (const lang of perLang.keys()) expect(docs.filter((d) => d.gold.lang === lang)).toHaveLength(5);
  });

  test('Arabic page 1: the job-number footer is furniture, and footnotes that cite a symbol are not cut at it', () => {
    const doc = docs.find((d) => d.name === 'ar-a-res-75-172')!;
    const page = buildPageText(doc.pages[0]!.items, { pageHeight: doc.pages[0]!.view[3]!, pageNumber: 1 });
    // Drawn "*2053272*" at the right, "20-53272 (A)" at the left: read right to left, "53272-20" and ")A(".
    expect(page.furniture.map((f) => f.text)).toEqual(['(A) 20-53272 *2053272*']);
    expect(page.text).not.toMatch(/2053272|53272-20/);
    // "(10) A/56/1026-S/2002/932، المرفق الثاني" read from the right jumps from "(10)" to the symbol's left end,
    // across the line on the page but past no empty space: the line is one paragraph, not table cells.
    expect(page.text).toMatch(/\( A\/56\/1026-S\/2002\/932 ، المرفق الثاني/);
    expect(page.text).toMatch(/انظر A\/ES-10\/273 و A\/ES-10\/273\/Corr\.1 \. \(/);
  });

  for (const lang of ['ar', 'zh', 'en', 'es', 'fr', 'ru']) {
    test(`${lang}: the viewer's mentions, page by page, against the finder on the printed text: F1 ≥ 0.93`, () => {
      const a = perLang.get(lang)!;
      const figure = f1(a);
      console.log(
        `printed PDFs ${lang}: F1 ${figure.toFixed(3)} (tp ${a.tp}, fp ${a.fp}, fn ${a.fn})${a.errors.length ? `\n  ${a.errors.slice(0, 40).join('\n  ')}` : ''}`,
      );
      expect(a.errors.filter((e) => e.includes('identity'))).toEqual([]);
      expect(figure).toBeGreaterThanOrEqual(0.93);
    });
  }
});
