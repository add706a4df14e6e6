/**
 * Golden test in the six UN languages: General Assembly resolutions printed to PDF by Chromium (justified, A4,
 * masthead, running heads, footers; scripts/make-printed-pdfs.mjs), as pdf.js read them in Chromium
 * (test/fixtures/pdf/printed/*.items.json). The viewer's code path (annotate.ts readDocument: buildPageText on
 * every page, the identity from page 1, annotatePage page by page) must find what the finder finds on the same
 * text as plain text, on the same page (the gold, `*.gold.json`): F1 ≥ 0.93 in every language, Arabic and Chinese
 * included. Loading and scoring are scripts/lib/pdf-gold.ts's, as for `npm run eval:pdf` and pdf-real.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { loadGoldDocs, prf, recordedPages, scoreDoc } from '../../scripts/lib/pdf-gold';
import { buildPageText } from './pdf-text';

const docs = loadGoldDocs().filter((d) => d.set === 'printed');

describe('printed UN resolutions in six languages, as the viewer reads them', () => {
  const perLang = new Map<string, { tp: number; fp: number; fn: number; errors: string[] }>();
  for (const doc of docs) {
    // Every mention the finder makes counts here, instruments with no key of their own too (the UN Charter).
    const score = scoreDoc(doc, { keyless: true });
    const acc = perLang.get(doc.gold.lang) ?? { tp: 0, fp: 0, fn: 0, errors: [] };
    perLang.set(doc.gold.lang, acc);
    if (!score.identityOk) acc.errors.push(`${doc.name}: identity ${score.identity}`);
    acc.tp += score.tp;
    acc.fp += score.fp;
    acc.fn += score.fn;
    acc.errors.push(
      ...score.extras.map((m) => `${doc.name} + ${m}`),
      ...score.misses.map((m) => `${doc.name} - ${m}`),
    );
  }

  test('fixtures: five resolutions in each of the six languages', () => {
    expect([...perLang.keys()].sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    for (const lang of perLang.keys()) expect(docs.filter((d) => d.gold.lang === lang)).toHaveLength(5);
  });

  test('Arabic page 1: the job-number footer is furniture, and footnotes that cite a symbol are not cut at it', () => {
    const doc = docs.find((d) => d.name === 'ar-a-res-75-172')!;
    const first = recordedPages(doc.recording)[0]!;
    const page = buildPageText(first.items, { pageHeight: first.view[3]!, pageNumber: 1 });
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
      const figure = prf(a).f1;
      console.log(
        `printed PDFs ${lang}: F1 ${figure.toFixed(3)} (tp ${a.tp}, fp ${a.fp}, fn ${a.fn})${a.errors.length ? `\n  ${a.errors.slice(0, 40).join('\n  ')}` : ''}`,
      );
      expect(a.errors.filter((e) => e.includes('identity'))).toEqual([]);
      expect(figure).toBeGreaterThanOrEqual(0.93);
    });
  }
});
