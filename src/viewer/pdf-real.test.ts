/**
 * Golden test on real UN PDFs: a few pages each of born-digital General Assembly reports and budget sections, as
 * pdf.js reported them in Chromium (test/fixtures/pdf/real/*.items.json), read as the viewer reads them
 * (annotate.ts readDocument: buildPageText, the identity, annotatePage with the gazetteer the extension ships) and
 * scored against hand-checked gold (*.gold.json; how it was made: test/fixtures/pdf/real/README.md). Every set of
 * test/fixtures/pdf/<set>/ with gold is read, so sets added beside this one are held to the same bar.
 */
import { describe, expect, test } from 'vitest';
import { loadGoldDocs, missInText, prf, type Score, scoreDoc, viewerFind } from '../../scripts/lib/pdf-gold';
import { readDocument } from './annotate';
import { layout } from './test-layout';

const docs = loadGoldDocs().map((doc) => ({ doc, score: scoreDoc(doc) }));
const realDoc = (name: string) => {
  const found = docs.find((d) => d.doc.set === 'real' && d.doc.name === name);
  if (!found) throw new Error(`no real PDF fixture ${name}`);
  return found;
};
/** The viewer's mentions on one page of a real fixture, as "kind key", sorted. */
const onPage = (name: string, page: number): string[] => {
  const mentions = realDoc(name).score.pages.get(page);
  if (!mentions) throw new Error(`${name} has no recorded page ${page}`);
  return [...mentions].sort();
};

const groups = new Map<string, Score & { viewerMisses: string[] }>();
for (const { doc, score } of docs) {
  const key = `${doc.set} ${doc.gold.lang}`;
  const g = groups.get(key) ?? { tp: 0, fp: 0, fn: 0, misses: [], extras: [], viewerMisses: [] };
  g.tp += score.tp;
  g.fp += score.fp;
  g.fn += score.fn;
  g.extras.push(...score.extras.map((m) => `${doc.name} ${m}`));
  g.misses.push(...score.misses.map((m) => `${doc.name} ${m}`));
  // A miss whose number is not in the page's text was lost by the viewer's reading, not by the finder.
  g.viewerMisses.push(
    ...score.misses.filter((m) => missInText(m, score.texts) === false).map((m) => `${doc.name} ${m}`),
  );
  groups.set(key, g);
}

// F1 the viewer reaches per set and language: the issue's bar, 0.93, for every set (the real set stands at 0.94;
// its misses are Security Council rows of mandate tables whose heading the finder does not take as the Council's,
// and the test below checks that none is the viewer's).
const BAR = 0.93;

describe('real UN PDFs as the viewer reads them', () => {
  test('there is gold to read', () => {
    expect(docs.filter((d) => d.doc.set === 'real').length).toBeGreaterThanOrEqual(8);
  });

  for (const [key, g] of groups) {
    test(`${key}: F1 over (page, kind, key) at the bar; nothing from furniture or identity`, () => {
      expect(g.extras).toEqual([]);
      expect(prf(g).f1).toBeGreaterThanOrEqual(BAR);
    });

    test(`${key}: every citation of the gold is in the viewer's text of its page`, () => {
      expect(g.viewerMisses).toEqual([]);
    });
  }

  test('the document\'s own symbol is its identity, from the masthead (also split "A" + "/80/590", and with "(Sect. 24)/Part A")', () => {
    for (const { doc, score } of docs.filter((d) => d.doc.set === 'real')) {
      expect(score.identity?.replace(/\s+/g, ''), doc.name).toBe(doc.gold.identity.replace(/\s+/g, ''));
    }
  });

  test('page 1 of a budget section: its own symbol is no mention, the complete section it cites is', () => {
    // "The present document (A/81/6 (Sect. 2)/Part A)" is identity; "(A/81/6 (Sect. 2))" is the section it cites.
    expect(onPage('a-81-6-sect-2', 1)).toEqual([
      'document A/81/50',
      'document A/81/6',
      'resolution A/RES/77/267',
      'resolution A/RES/77/267',
    ]);
  });

  test('job numbers, barcodes, page numbers and running heads are left out of every page', () => {
    for (const { doc, score } of docs.filter((d) => d.doc.set === 'real')) {
      for (const [page, text] of score.texts) {
        const where = `${doc.name} p${page}`;
        expect(text, where).not.toMatch(/\b\d{2}-\d{5}\b|\*\d{7}\*/);
        // The footer's "page/pages" ("10/47"), not a resolution that happens to read so.
        expect(text, where).not.toMatch(new RegExp(`(?<![\\d/])${page}/${doc.recording.numPages}(?![\\d/])`));
        if (page > 1) expect(text.slice(0, 60), where).not.toMatch(/^(?:A\/8[01]\/|Section \d|Part [IVX]+ )/);
      }
    }
  });

  test('a Human Rights Council table that goes on over the page break keeps its body on the next page', () => {
    const p10 = onPage('a-81-6-sect-24', 10);
    expect(p10.filter((m) => m.startsWith('resolution A/RES/'))).toEqual([]);
    expect(p10).toContain('resolution A/HRC/RES/25/20');
    expect(p10.filter((m) => m.startsWith('resolution A/HRC/RES/')).length).toBeGreaterThanOrEqual(40);
  });

  test('"in its resolution" at a line end keeps its number on the next line', () => {
    expect(onPage('a-80-596', 6)).toEqual([
      'resolution S/RES/2737(2024)',
      'resolution S/RES/2766(2024)',
      'resolution S/RES/2811(2025)',
      'resolution S/RES/350(1974)',
    ]);
  });

  test('table rows read row by row: a label and its title broken over lines, two rows on one baseline', () => {
    const p9 = onPage('a-81-6-sect-3', 9);
    // "1514 (XV) Declaration on the granting of independence / to colonial countries and peoples", and the
    // title again inside three resolutions' titles.
    expect(p9.filter((m) => m === 'instrument A/RES/1514(XV)')).toHaveLength(4);
    for (const n of [85, 86, 87, 88, 90, 94, 95, 103, 104, 105, 106])
      expect(p9).toContain(`resolution A/RES/80/${n}`);
    // "9 (I) Commission on Narcotic Drugs" and "1992/1 Establishment of …" share a baseline.
    expect(onPage('a-81-6-sect-2', 6)).toContain('resolution E/RES/1992/1');
  });
});

describe('furniture and masthead by place and shape, not by words', () => {
  const A4 = { view: [0, 0, 595, 842] };
  const read = (...pages: Parameters<typeof layout>[0][]) =>
    readDocument(
      pages.map((lines) => ({ ...A4, items: layout(lines) })),
      viewerFind,
    );
  const keys = (doc: ReturnType<typeof read>, i: number) => doc.annotations[i]!.mentions.map((m) => m.key);

  test('a French body line near the top of page 1 that names "Nations Unies" is body, not masthead', () => {
    // A page printed from the web (no masthead): its first lines are justified body text that names the
    // Assembly and, in a Treaty Series reference, "Nations Unies".
    const doc = read([
      {
        runs: ['L’Assemblée générale, rappelant la Convention relative aux droits de l’enfant, adoptée le'],
        y: 790,
      },
      {
        runs: ['20 novembre 1989 et entrée en vigueur le 2 septembre 1990 (voir Nations Unies, Recueil des'],
        y: 778,
      },
      {
        runs: [
          'Traités, vol. 1577, no 27531), ainsi que l’Assemblée générale l’a rappelé dans ses résolutions,',
        ],
        y: 766,
      },
      { runs: ['décide de poursuivre l’examen de la question.'], y: 754 },
    ]);
    expect(doc.texts[0]!.masthead).toBeUndefined();
    expect(keys(doc, 0)).toContain('UNTS I-27531');
  });

  test('without a masthead on page 1, the running head of page 2 gives the identity and is no mention', () => {
    const doc = read(
      [
        { runs: ['Report of the Secretary-General'], y: 760, size: 14 },
        { runs: ['1. The present report responds to resolution 78/250 of the General Assembly.'], y: 700 },
      ],
      [
        { runs: ['A/80/999'], y: 800, size: 8.5 },
        { runs: ['2. See also the previous report (A/79/888) and A/80/999 itself.'], y: 760 },
        { runs: ['26-01234', ' ', '2/9'], y: 40, size: 8.5 },
      ],
    );
    expect(doc.identity.key).toBe('A/80/999');
    expect(doc.texts[1]!.furniture.map((f) => f.role)).toEqual(['running-head', 'furniture']);
    expect(keys(doc, 1)).toEqual(['A/79/888']);
  });

  test('a Treaty Series reference cut by a page break is read whole, past the footnote, footer and running head', () => {
    const doc = read(
      [
        { runs: ['United Nations', ' ', 'A/80/999'], y: 800, size: 14 },
        { runs: ['General Assembly'], y: 775, size: 17 },
        { runs: ['1. Recalling the Convention on the Rights of the Child (United Nations,'], y: 700 },
        { runs: ['Treaty Series, vol. 1577,'], y: 688 },
        { runs: [{ sup: '1' }, ' See A/79/1.'], y: 90, size: 8 },
        { runs: ['26-01234 (E)', ' ', '010126'], y: 40, size: 8 },
      ],
      [
        { runs: ['A/80/999'], y: 800, size: 8.5 },
        { runs: ['No. 27531), the Assembly decides to continue.'], y: 760 },
        { runs: ['2/9', ' ', '26-01234'], y: 40, size: 8.5 },
      ],
    );
    const treaty = doc.annotations[0]!.mentions.find((m) => m.kind === 'treaty');
    expect(treaty?.key).toBe('UNTS I-27531');
    // Marked on both pages: its start on page 1, its number on page 2.
    expect(new Set(treaty?.pieces.map((p) => p.page))).toEqual(new Set([0, 1]));
    expect(keys(doc, 1)).not.toContain('UNTS I-27531');
  });

  test("a browser's print header and footer are furniture on every page; the text runs on between pages", () => {
    const gap = ' '.repeat(120);
    const header = (y: number) => ({
      runs: ['12/8/26, 12:15 AM', gap, 'A/RES/76/268 - Multilinguisme'],
      y,
      size: 8,
    });
    const footer = (n: number) => ({
      runs: ['https://undocs.org/fr/A/RES/76/268', gap, `${n}/2`],
      y: 17,
      size: 8,
    });
    const doc = read(
      [
        header(820),
        {
          runs: [
            'Rappelant la Convention relative aux droits de l’enfant (Nations Unies, Recueil des Traités,',
          ],
          y: 790,
        },
        { runs: ['vol. 1577,'], y: 60 },
        footer(1),
      ],
      [header(820), { runs: ['no 27531), ainsi que ses résolutions 75/1 et 76/1,'], y: 790 }, footer(2)],
    );
    for (const t of doc.texts) {
      expect(t!.furniture.map((f) => f.role)).toEqual(['running-head', 'furniture']);
      expect(t!.text).not.toMatch(/12:15|undocs\.org|\d\/2/);
    }
    expect(keys(doc, 0)).toContain('UNTS I-27531');
    expect(keys(doc, 1)).toEqual(['A/RES/75/1', 'A/RES/76/1']);
  });

  test('on a landscape annex page, furniture drawn turned along its edges is furniture', () => {
    const turned = (str: string, x: number, y: number) => ({
      str,
      transform: [0, -8.5, 8.5, 0, x, y],
      width: str.length * 4,
    });
    const landscape = { view: [0, 0, 792, 612] };
    const page = [
      ...layout([
        { runs: ['Annex I'], y: 560, x: 100, size: 14 },
        {
          runs: ['Proposed organizational structure of the Mission (see resolution 79/299)'],
          y: 530,
          x: 100,
        },
      ]),
      turned('A/80/611', 740, 553),
      turned('68/79', 38, 552),
      turned('26-01253', 40, 87),
    ];
    const doc = readDocument(
      [
        { ...A4, items: layout([{ runs: ['Report'], y: 700 }]) },
        { ...landscape, items: page },
      ],
      viewerFind,
    );
    const t = doc.texts[1]!;
    expect(t.text).not.toMatch(/26-01253|68\/79|A\/80\/611/);
    expect(t.furniture.map((f) => f.role).sort()).toEqual(['furniture', 'running-head']);
    expect(doc.annotations[1]!.mentions.map((m) => m.key)).toEqual(['A/RES/79/299']);
  });
});
