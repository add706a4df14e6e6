import { describe, expect, test } from 'vitest';
import { findCitations } from '../core/find';
import { annotatePage, type FindFn, pdfIdentity } from './annotate';
import { buildPageText, type PageText } from './pdf-text';
import { type LineSpec, layout } from './test-layout';

// The real finder: these tests check what the PDF layer adds (page context, furniture, identity, markers), on
// sentences of A/RES/77/176 and S/RES/2223 (2015) (../shared/corpus/dev).
const find: FindFn = (text, options) => findCitations(text, options);
const A4 = 842;

function pages(specs: LineSpec[][]): { texts: PageText[]; items: ReturnType<typeof layout>[] } {
  const items = specs.map(layout);
  const first = buildPageText(items[0]!, { pageHeight: A4, pageNumber: 1 });
  const texts = items.map((it, i) =>
    i === 0
      ? first
      : buildPageText(it, { pageHeight: A4, pageNumber: i + 1, identity: first.mastheadSymbol }),
  );
  return { texts, items };
}

const masthead: LineSpec[] = [
  { runs: ['United Nations', ' ', 'A/RES/77/176'], y: 800, size: 14 },
  { runs: ['General Assembly'], y: 768, size: 17 },
  { runs: ['22 December 2022'], y: 752, size: 10, x: 400 },
];

describe('annotatePage', () => {
  const doc = pages([
    [
      ...masthead,
      { runs: ['77/176. International migration and development'], y: 700, size: 12 },
      { runs: ['The General Assembly,'], y: 680, x: 96 },
      {
        runs: ['Recalling its resolutions 58/208 of 23 December 2003, 59/241 of 22 December 2004,'],
        y: 662,
        x: 96,
      },
      { runs: ['60/227 of 23 December 2005 and its resolution'], y: 650 },
      { runs: ['22-28767 (E)', ' ', '030123'], y: 40, size: 8 },
    ],
    [
      { runs: ['A/RES/77/176'], y: 800, size: 9 },
      {
        runs: ['68/4 of 3 October 2013, by which it adopted the Declaration of the High-level Dialogue,'],
        y: 758,
      },
      {
        runs: [
          'Reaffirming also the Paris Agreement,',
          { sup: '11' },
          'and encouraging all its parties to implement',
        ],
        y: 740,
        x: 96,
      },
      { runs: ['the Agreement, as adopted in FCCC/CP/2015/10/Add.'], y: 728 },
      {
        runs: [{ sup: '11' }, ' Adopted under the UNFCCC in FCCC/CP/2015/10/Add.1, decision 1/CP.21.'],
        y: 83.5,
        size: 8,
      },
      { runs: ['2/7', ' ', '22-28767'], y: 40, size: 8 },
    ],
    [
      { runs: ['A/RES/77/176'], y: 800, size: 9 },
      { runs: ['1, decision 1/CP.21,'], y: 758 },
      { runs: ['22-28767', ' ', '3/7'], y: 40, size: 8 },
    ],
  ]);
  const identity = pdfIdentity(doc.texts[0]);
  const ann = doc.texts.map((_, i) => annotatePage(doc.texts, i, find, identity));
  const keys = (i: number) => ann[i]!.mentions.map((m) => m.key);

  test('the identity is the masthead symbol; the title line and running heads are not mentions', () => {
    expect(identity.key).toBe('A/RES/77/176');
    expect(ann.flatMap((a) => a.mentions).some((m) => m.key === 'A/RES/77/176')).toBe(false);
  });

  test('"its resolution" at a page end takes its number from the next page; each page keeps its own mentions', () => {
    expect(keys(0)).toEqual(['A/RES/58/208', 'A/RES/59/241', 'A/RES/60/227', 'A/RES/68/4']);
    const m = ann[0]!.mentions.at(-1)!;
    // The mention starts on page 1 and its number is on page 2: pieces on both pages.
    expect(new Set(m.pieces.map((p) => p.page))).toEqual(new Set([0, 1]));
    expect(keys(1)).not.toContain('A/RES/68/4');
  });

  test('a symbol cut at a page end is read whole, on the page where it starts', () => {
    expect(keys(1).filter((k) => k === 'FCCC/CP/2015/10/Add.1')).toHaveLength(2);
    const cut = ann[1]!.mentions.find((m) => m.key === 'FCCC/CP/2015/10/Add.1' && !m.inNote)!;
    expect(cut.pieces.map((p) => doc.items[p.page]![p.item]!.str.slice(p.from, p.to))).toEqual([
      'FCCC/CP/2015/10/Add.',
      '1',
    ]);
    expect(keys(2)).not.toContain('FCCC/CP/2015/10/Add.1');
    expect(keys(2)).toContain('UNFCCC dec 1/CP.21');
  });

  test('a footnote marker ties the footnote to what it annotates', () => {
    const inNote = ann[1]!.mentions.filter((m) => m.inNote === '11').map((m) => m.key);
    expect(inNote).toEqual(['FCCC/CP/2015/10/Add.1', 'UNFCCC dec 1/CP.21']);
    const ref = ann[1]!.notes.find((n) => n.label === '11')!;
    expect(ref.noteKeys).toEqual(inNote);
    expect(ref.noteText).toBe('Adopted under the UNFCCC in FCCC/CP/2015/10/Add.1, decision 1/CP.21.');
  });

  test('job numbers and page numbers never become mentions', () => {
    const surfaces = ann.flatMap((a) => a.mentions.map((m) => m.surface)).join(' ');
    expect(surfaces).not.toMatch(/22-28767|2\/7|3\/7/);
  });
});

test('Security Council masthead "S/RES/2223 (2015)": its own number is identity, the resolutions it recalls are SC', () => {
  const doc = pages([
    [
      { runs: ['United Nations', ' ', 'S/RES/2223 (2015)'], y: 800, size: 14 },
      { runs: ['Security Council', ' ', 'Distr.: General'], y: 768, size: 17 },
      { runs: ['28 May 2015'], y: 756, x: 400 },
      { runs: ['Resolution 2223 (2015)'], y: 700, size: 12 },
      { runs: ['Adopted by the Security Council at its 7451st meeting, on 28 May 2015'], y: 680 },
      { runs: ['The Security Council,'], y: 660, x: 96 },
      {
        runs: ['Recalling its previous resolutions 1996 (2011), 2046 (2012), 2057 (2012), and its'],
        y: 642,
        x: 96,
      },
      {
        runs: ['Statements by the President of the Security Council, S/PRST/2014/16 and S/PRST/2015/9,'],
        y: 630,
      },
    ],
  ]);
  const identity = pdfIdentity(doc.texts[0]);
  expect(identity.key).toBe('S/RES/2223(2015)');
  const ann = annotatePage(doc.texts, 0, find, identity);
  expect(ann.mentions.map((m) => m.key)).toEqual([
    'S/RES/1996(2011)',
    'S/RES/2046(2012)',
    'S/RES/2057(2012)',
    'S/PRST/2014/16',
    'S/PRST/2015/9',
  ]);
});
