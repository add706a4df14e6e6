/**
 * The page text of lines in other scripts, as buildPageText makes it with line-order.ts: an Arabic line drawn
 * glyph by glyph from left to right (as Chromium prints it) reads in logical order, its presentation forms as
 * letters, and a mention found in that text maps back to exactly the items that print it; Chinese lines and
 * symbols cut at a line end join without a space.
 */
import { describe, expect, test } from 'vitest';
import { buildPageText, mapRange, type TextItemLike } from './pdf-text';

/** Items laid out left to right from x, 5 units per character, on baseline y. */
function drawn(strs: string[], y: number, x = 100): TextItemLike[] {
  return strs.map((str) => {
    const it = { str, transform: [10, 0, 0, 10, x, y], width: str.length * 5 };
    x += it.width;
    return it;
  });
}

const opts = { pageHeight: 842, pageNumber: 2 };

describe('buildPageText in right-to-left and CJK text', () => {
  test('an Arabic line drawn left to right in presentation forms reads logically, and maps back to its glyphs', () => {
    // "وإذ تشير إلى قرارها 58/292" drawn from its left end: the number, then each word's glyphs from the last.
    const visual = [
      '58',
      '/',
      '292',
      ' ',
      'ﺎ',
      'ﻫ',
      'ر',
      'ا',
      'ﺮ',
      'ﻗ',
      ' ',
      'ﻰ',
      'ﻟ',
      'إ',
      ' ',
      'ﺮ',
      'ﻴ',
      'ﺸ',
      'ﺗ',
      ' ',
      'ذ',
      'إ',
      'و',
    ];
    const items = drawn(visual, 700);
    const page = buildPageText(items, opts);
    expect(page.text).toBe('وإذ تشير إلى قرارها 58/292');
    // The resolution number maps back to the three items that print it, in reading order.
    const at = page.text.indexOf('58/292');
    expect(mapRange(page.segments, at, at + 6).map((r) => items[r.item]!.str)).toEqual(['58', '/', '292']);
    // "قرارها" maps back to its six glyphs, first letter (drawn rightmost) first.
    const word = page.text.indexOf('قرارها');
    expect(mapRange(page.segments, word, word + 6).map((r) => items[r.item]!.str)).toEqual([
      'ﻗ',
      'ﺮ',
      'ا',
      'ر',
      'ﻫ',
      'ﺎ',
    ]);
  });

  test('a lam-alef ligature reads as two letters and maps back to its one glyph', () => {
    const items = drawn(['ﻥ', 'ﻼ', 'ﻋ', 'إ'], 700);
    const page = buildPageText(items, opts);
    expect(page.text).toBe('إعلان');
    expect(mapRange(page.segments, 0, 5).map((r) => items[r.item]!.str)).toEqual(['إ', 'ﻋ', 'ﻼ', 'ﻥ']);
  });

  test('an Arabic paragraph is indented from the right and its lines join; the next paragraph starts anew', () => {
    // Right margin at 300, left at 200: a paragraph of two lines (the first indented from the right, the last
    // short, ending at the right margin), then a new indented paragraph.
    const line = (words: string[], y: number, right: number) =>
      drawn(words, y, right - words.join('').length * 5);
    const items = [
      ...line(['ﺔ', 'ﻴ', 'ﻤ', 'ﻨ', 'ﺗ', ' ', 'ن', 'أ', ' ', 'رك', 'ﺪ', 'ﺗ', ' ', 'ذ', 'إ'], 700, 275),
      ...line(['ﻖ', 'ﺤ', 'ﻟ', 'ا'], 688, 300),
      ...line(['ﺔ', 'ﻴ', 'ﻤ', 'ﻨ', 'ﺗ', ' ', 'ذ', 'إ', 'و'], 676, 275),
    ];
    expect(buildPageText(items, opts).text).toBe('إذ تدرك أن تنمية الحق\n\nوإذ تنمية');
  });

  test('Chinese lines and a symbol cut after its hyphen and slash join without a space', () => {
    const items = [...drawn(['回顾大会第ES-10/'], 700), ...drawn(['13号决议，'], 686)];
    items[0]!.hasEOL = true;
    expect(buildPageText(items, opts).text).toBe('回顾大会第ES-10/13号决议，');
  });

  test('Kangxi radicals from a CJK font read as the ideographs', () => {
    const items = drawn(['⼤会2020年12⽉31⽇'], 700);
    expect(buildPageText(items, opts).text).toBe('大会2020年12月31日');
  });
});
