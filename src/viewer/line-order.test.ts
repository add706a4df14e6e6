import { describe, expect, test } from 'vitest';
import {
  bidiClassOf,
  cjkMeet,
  isRtlText,
  itemGap,
  orderLine,
  type PositionedText,
  readableChar,
  resolveLevels,
  symbolContinues,
  unmirror,
} from './line-order';

/** Items laid out left to right as a PDF writer draws them (visual order), each `w` wide per character. */
function visualLine(strs: string[], w = 5): PositionedText[] {
  let x = 100;
  return strs.map((str) => {
    const it = { str, transform: [10, 0, 0, 10, x, 700], width: str.length * w };
    x += it.width;
    return it;
  });
}

/** The line's text in the order given, with mirrored brackets read as what they stand for. */
const read = (items: PositionedText[], { order, mirrored }: { order: number[]; mirrored: number[] }) =>
  order
    .map((i) => (mirrored.includes(i) ? [...items[i]!.str].map(unmirror).join('') : items[i]!.str))
    .join('');
const inOrder = (items: PositionedText[]) => items.map((_, i) => i);

describe('bidi classes of items', () => {
  test('Arabic letters and presentation forms are R; digits EN; Latin L; separators CS', () => {
    expect(bidiClassOf('قرار')).toBe('R');
    expect(bidiClassOf('ﻗ')).toBe('R');
    expect(bidiClassOf('75')).toBe('EN');
    expect(bidiClassOf('٧٥')).toBe('EN');
    expect(bidiClassOf('A/RES/')).toBe('L');
    expect(bidiClassOf('/')).toBe('CS');
    expect(bidiClassOf('،')).toBe('CS');
    expect(bidiClassOf(' ')).toBe('N');
    expect(bidiClassOf('(')).toBe('N');
    expect(bidiClassOf('决议')).toBe('L');
  });

  test('a line is right to left when its RTL letters outnumber its LTR ones', () => {
    expect(isRtlText('القرار A/RES/73/195')).toBe(true);
    expect(isRtlText('resolution القرار 73/195 of the Assembly')).toBe(false);
  });

  test('levels: numbers after Latin join it, a dash between numbers in RTL stays RTL', () => {
    // "A/50/1026-S/2002/532" in an Arabic line: one left-to-right run.
    expect(resolveLevels(['R', 'N', 'L', 'EN', 'CS', 'EN', 'N', 'L', 'EN', 'CS', 'EN', 'N', 'R'], 1)).toEqual(
      [1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1],
    );
    // "2019-2020" between Arabic words: two numbers, the dash between them right to left.
    expect(resolveLevels(['R', 'N', 'EN', 'N', 'EN', 'N', 'R'], 1)).toEqual([1, 1, 2, 1, 2, 1, 1]);
  });
});

describe('orderLine', () => {
  test('a left-to-right line keeps its stream order, whatever the x', () => {
    const items = visualLine(['resolution', ' ', '73/195']);
    expect(orderLine(items, [2, 0, 1])).toEqual({ order: [2, 0, 1], mirrored: [] });
  });

  test('an Arabic line drawn glyph by glyph left to right reads right to left', () => {
    // "قرارها 54/237" as Chromium prints it: "54/237" leftmost, then the word's glyphs from its last to its first.
    const items = visualLine(['54', '/', '237', ' ', 'ﺎﻫ', 'ﺭ', 'ﺍ', 'ﺮ', 'ﻗ']);
    expect(read(items, orderLine(items, inOrder(items)))).toBe('ﻗﺮﺍﺭﺎﻫ 54/237');
  });

  test('an embedded symbol keeps its order; the parentheses around it stay where the Arabic puts them', () => {
    // Logical "الملحق رقم 23 (A/74/23)، الفصل": visually "الفصل ،(A/74/23) 23 رقم الملحق" from left to right.
    const visual = ['الفصل', ' ', '،', '(', 'A/', '74', '/', '23', ')', ' ', '23', ' ', 'رقم', ' ', 'الملحق'];
    const items = visualLine(visual);
    // The parentheses are mirrored glyphs, and the PDF's text names the glyph: ")" drawn for the opening one.
    items[3]!.str = '(';
    items[8]!.str = ')';
    expect(read(items, orderLine(items, inOrder(items)))).toBe('الملحق رقم 23 (A/74/23)، الفصل');
  });

  test('a symbol with two left-to-right parts joined by a hyphen stays one run', () => {
    const visual = ['A/', '50', '/', '1026', '-', 'S/', '2002', '/', '532', ' ', 'الوثيقة'];
    const items = visualLine(visual);
    expect(read(items, orderLine(items, inOrder(items)))).toBe('الوثيقة A/50/1026-S/2002/532');
  });

  test('a zero-width glyph drawn at the same place as the next one keeps the logical order', () => {
    // "الأمم": pdf.js reports the ligature as "أ" (no width) then "ال" at the same x.
    const items: PositionedText[] = [
      { str: 'ﻢ', transform: [14, 0, 0, 14, 509, 771], width: 7.4 },
      { str: 'ﻣ', transform: [14, 0, 0, 14, 516.4, 771], width: 6.4 },
      { str: 'أ', transform: [14, 0, 0, 14, 522.2, 771], width: 0 },
      { str: 'ال', transform: [14, 0, 0, 14, 522.2, 771], width: 10.6 },
    ];
    expect(read(items, orderLine(items, inOrder(items)))).toBe('الأﻣﻢ');
  });

  test('an Arabic word inside an English line reads in its own order', () => {
    const items = visualLine(['the ', 'ﺭ', 'ﺍ', 'ﺮ', 'ﻗ', ' of 73/195']);
    expect(read(items, orderLine(items, inOrder(items)))).toBe('the ﻗﺮﺍﺭ of 73/195');
  });

  test('in a right-to-left text, a line of Latin and digits only is read right to left too', () => {
    // "(19) A/80/253." in an Arabic footnote, drawn ". A/80/253 (19)"; the brackets are mirrored glyphs.
    const items = visualLine(['.', 'A/', '80', '/', '253', ' ', '(', '19', ')']);
    expect(read(items, orderLine(items, inOrder(items), true))).toBe('(19) A/80/253.');
    expect(read(items, orderLine(items, inOrder(items)))).toBe('.A/80/253 (19)');
  });

  test('a full stop drawn against a number is cut off it; a dot inside a symbol is not', () => {
    // "القرار 50/6." drawn ".50/6 القرار": pdf.js gives ".50" as one item.
    const items = visualLine(['.50', '/', '6', ' ', 'القرار']);
    const { pieces } = orderLine(items, inOrder(items), true);
    expect(pieces?.map((p) => items[p.item]!.str.slice(p.from, p.to)).join('')).toBe('القرار 50/6.');
    // "A/CONF" + ".157" + "/" + "24" touch each other: one symbol, nothing cut.
    const symbol = visualLine(['A/CONF', '.157', '/', '24', ' ', 'الوثيقة']);
    const order = orderLine(symbol, inOrder(symbol), true);
    expect(order.pieces).toBeUndefined();
    expect(read(symbol, order)).toBe('الوثيقة A/CONF.157/24');
  });

  test('itemGap measures the space between two items on either side', () => {
    const [a, b] = visualLine(['ab', 'cd']);
    b!.transform[4] = b!.transform[4]! + 3;
    expect(itemGap(a!, b!)).toBeCloseTo(3);
    expect(itemGap(b!, a!)).toBeCloseTo(3);
  });
});

describe('characters and joins', () => {
  test('presentation forms read as their letters; other characters are kept', () => {
    expect(readableChar('ﻗ')).toBe('ق');
    expect(readableChar('ﻻ')).toBe('لا');
    expect(readableChar('ﷲ')).toBe('الله');
    expect(readableChar('ﬁ')).toBe('ﬁ'); // a Latin ligature is not an Arabic presentation form
    expect(readableChar('²')).toBe('²');
    expect(readableChar('Ａ')).toBe('Ａ');
  });

  test('Chinese pieces meet without a space; Latin pieces do not', () => {
    expect(cjkMeet('执行第1325(2000)号', '决议')).toBe(true);
    expect(cjkMeet('回顾', 'A/RES/73/195')).toBe(true);
    expect(cjkMeet('recalls', 'its')).toBe(false);
  });

  test('symbols broken after a slash or a hyphen continue on the next line, in any script', () => {
    expect(symbolContinues('大会第ES-10/', '13号决议')).toBe(true);
    expect(symbolContinues('resolution ES-10/', '13')).toBe(true);
    expect(symbolContinues('report (A/HRC/', '55/1)')).toBe(true);
    expect(symbolContinues('回顾第73/', '195号决议')).toBe(true);
    expect(symbolContinues('القرار A/RES/', '73/195')).toBe(true);
    expect(symbolContinues('the twenty-', 'first')).toBe(false);
    expect(symbolContinues('and/', 'or')).toBe(false);
    expect(symbolContinues('Secretary-', 'General')).toBe(false);
  });
});

test('Kangxi radicals that CJK fonts map ideographs to read as the ideographs', () => {
  expect([...'⼤会2020年12⽉31⽇'].map(readableChar).join('')).toBe('大会2020年12月31日');
  expect(cjkMeet('2003年12', '⽉23⽇')).toBe(true);
});
