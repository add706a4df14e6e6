import { describe, expect, test } from 'vitest';
import type { Lang } from '../mention';
import { scanSales } from './sales';

/** Real footnotes from ../shared corpus/dev (seed, 114) and data/unxml-akn4un texts, six languages. */
const CASES: [string, Lang, [surface: string, key: string][]][] = [
  // seed-a-res-77-176: the surface starts at "Sales No."
  [
    'Cairo, 5–13 September 1994 (United Nations publication, Sales No. E.95.XIII.18), chap. I, resolution 1, annex.',
    'en',
    [['Sales No. E.95.XIII.18', 'Sales No. 95.XIII.18']],
  ],
  // dev 114: the Chinese surface takes 联合国出版物，
  [
    '(联合国出版物，出售品编号：C.96.IV.13)，第一章，决议1，附件一。 (联合国出版物，出售品编号：C.95.XIII.18)',
    'zh',
    [
      ['联合国出版物，出售品编号：C.96.IV.13', 'Sales No. 96.IV.13'],
      ['联合国出版物，出售品编号：C.95.XIII.18', 'Sales No. 95.XIII.18'],
    ],
  ],
  [
    '(United Nations publication, Sales No. E.03.II.A.1 and corrigendum), chap. I',
    'en',
    [['Sales No. E.03.II.A.1', 'Sales No. 03.II.A.1']],
  ],
  [
    'United Nations publication, Sales No. 19.IV.4. the first',
    'en',
    [['Sales No. 19.IV.4', 'Sales No. 19.IV.4']],
  ],
  [
    'United Nations publication, Sales No. E.19.II.E.21. in',
    'en',
    [['Sales No. E.19.II.E.21', 'Sales No. 19.II.E.21']],
  ],
  [
    'publication des Nations Unies, numéro de vente : F.96.IV.8), chap. I',
    'fr',
    [['numéro de vente : F.96.IV.8', 'Sales No. 96.IV.8']],
  ],
  [
    'publication des Nations Unies, numéro de vente F.02.II.A.7),',
    'fr',
    [['numéro de vente F.02.II.A.7', 'Sales No. 02.II.A.7']],
  ],
  [
    'publicación de las Naciones Unidas, núm. de venta: S.96.IV.8), cap. I',
    'es',
    [['núm. de venta: S.96.IV.8', 'Sales No. 96.IV.8']],
  ],
  [
    'publicación de las Naciones Unidas, No. de venta S.93.I.8',
    'es',
    [['No. de venta S.93.I.8', 'Sales No. 93.I.8']],
  ],
  [
    'издание Организации Объединенных Наций, в продаже под номером R.95.XIII.18),',
    'ru',
    [['в продаже под номером R.95.XIII.18', 'Sales No. 95.XIII.18']],
  ],
  // data ru: a Cyrillic "А" for the sub-category letter
  [
    'Организации Объединенных Наций, в продаже под № R.03.II.А.1 и исправление',
    'ru',
    [['в продаже под № R.03.II.А.1', 'Sales No. 03.II.A.1']],
  ],
  [
    '(منشورات الأمم المتحدة، رقم المبيع A.95.XIII.18)، الفصل الأول',
    'ar',
    [['رقم المبيع A.95.XIII.18', 'Sales No. 95.XIII.18']],
  ],
  // data ar: tatweel stretching the words
  ['منشورات الأمــم المتحــدة، رقــم المبيع A.93.I.8', 'ar', [['رقــم المبيع A.93.I.8', 'Sales No. 93.I.8']]],
  [
    'United Nations publications, Sales Nos. E.03.II.A.1 and E.03.II.A.2',
    'en',
    [
      ['Sales Nos. E.03.II.A.1', 'Sales No. 03.II.A.1'],
      ['E.03.II.A.2', 'Sales No. 03.II.A.2'],
    ],
  ],
  ['(Sales No. E.00.V.11 (Part 1) and corrigendum)', 'en', [['Sales No. E.00.V.11', 'Sales No. 00.V.11']]],
  // grammar-reference §4.3: the 1963 form without a language letter, OCR spacing
  ['(United Nations publication, Sales No.: 63. V. 2)', 'en', [['Sales No.: 63. V. 2', 'Sales No. 63.V.2']]],
];

const NEGATIVE = [
  'Sales Nos. to be announced',
  'sales of 95.5 per cent of the goods',
  'la vente d’enfants, la prostitution des enfants',
  'la venta de niños y la explotación sexual',
  'о продаже детонаторов',
  'ISBN 92-1-133323-7',
];

describe('scanSales', () => {
  test.each(CASES)('%s', (text, lang, expected) => {
    const found = scanSales(text, { lang });
    expect(found.map((m) => [m.surface, m.key])).toEqual(expected);
    for (const m of found) {
      expect(m.kind).toBe('sales');
      expect(text.slice(m.offset, m.end)).toBe(m.surface);
    }
  });

  test.each(NEGATIVE)('no sales number in %j', (text) => {
    expect(scanSales(text, { lang: 'en' })).toEqual([]);
  });

  test('every language edition of a publication has one key', () => {
    const keys = [
      'Sales No. E.96.IV.8',
      'numéro de vente : F.96.IV.8',
      'núm. de venta S.96.IV.8',
      'в продаже под № R.96.IV.8',
      '出售品编号：C.96.IV.8',
      'رقم المبيع A.96.IV.8',
    ].map((t) => scanSales(t, { lang: 'en' })[0]?.key);
    expect(new Set(keys)).toEqual(new Set(['Sales No. 96.IV.8']));
  });
});

describe('scanSales on a Latin-only text', () => {
  test("finds by its anchors' key parts exactly what the whole alternation finds", () => {
    for (const [text, lang] of CASES) {
      if (/[\u0400-\u04ff\u0600-\u06ff\u3000-\u9fff\uff00-\uffef]/.test(text)) continue;
      expect(scanSales(text, { lang, latinOnly: true })).toEqual(scanSales(text, { lang, latinOnly: false }));
    }
    for (const text of NEGATIVE) expect(scanSales(text, { lang: 'en', latinOnly: true })).toEqual([]);
  });
});
