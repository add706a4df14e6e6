import { describe, expect, test } from 'vitest';
import type { Lang } from '../mention';
import { scanTreaties } from './treaty';

type Row = [surface: string, key: string, volume: number | undefined, ibid: boolean];

/** Real footnotes from ../shared corpus/dev (seed, 101, 114) and data/unxml-akn4un texts, six languages. */
const CASES: [string, Lang, Row[]][] = [
  // seed-a-res-77-176 footnotes 12, 16-19: the gold surfaces start at "vol." or at "Ibid."
  [
    '12 United Nations, Treaty Series, vol. 1771, No. 30822.\n\n',
    'en',
    [['vol. 1771, No. 30822', 'UNTS I-30822', 1771, false]],
  ],
  [
    '16 United Nations, Treaty Series, vol. 660, No. 9464.\n\n17 Ibid., vol. 1249, No. 20378.\n\n18 Ibid., vol. 1577, No. 27531.',
    'en',
    [
      ['vol. 660, No. 9464', 'UNTS I-9464', 660, false],
      ['Ibid., vol. 1249, No. 20378', 'UNTS I-20378', 1249, true],
      ['Ibid., vol. 1577, No. 27531', 'UNTS I-27531', 1577, true],
    ],
  ],
  // dev 101 / 114: Chinese surfaces include 联合国，《条约汇编》 and the closing 号; several volumes, one number
  [
    '联合国，《条约汇编》，第2225、2237、2241和2326卷，第39574号。 联合国，《条约汇编》，第2445卷，第44004号。 同上，第1577卷，第27531号。',
    'zh',
    [
      ['联合国，《条约汇编》，第2225、2237、2241和2326卷，第39574号', 'UNTS I-39574', 2225, false],
      ['联合国，《条约汇编》，第2445卷，第44004号', 'UNTS I-44004', 2445, false],
      ['同上，第1577卷，第27531号', 'UNTS I-27531', 1577, true],
    ],
  ],
  // cr-unsc S/RES/237 (1967), S/RES/186 (1964): older citations give the volume's year
  [
    '5 United Nations, Treaty Series, vol. 75 (1950), No. 972.\n6 Ibid., vol. 397 (1961), No. 5712.',
    'en',
    [
      ['vol. 75 (1950), No. 972', 'UNTS I-972', 75, false],
      ['Ibid., vol. 397 (1961), No. 5712', 'UNTS I-5712', 397, true],
    ],
  ],
  // data en: a range is four mentions (the numbers inside it are named by the dash)
  [
    'United Nations, Treaty Series, vol. 75, Nos. 970–973. and the A',
    'en',
    [
      ['vol. 75, Nos. 970', 'UNTS I-970', 75, false],
      ['–', 'UNTS I-971', 75, false],
      ['–', 'UNTS I-972', 75, false],
      ['973', 'UNTS I-973', 75, false],
    ],
  ],
  [
    'Ibid., vol. 1125, Nos. 17512 and 17513.',
    'en',
    [
      ['Ibid., vol. 1125, Nos. 17512', 'UNTS I-17512', 1125, true],
      ['17513', 'UNTS I-17513', 1125, true],
    ],
  ],
  [
    'United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574.',
    'en',
    [['vols. 2225, 2237, 2241 and 2326, No. 39574', 'UNTS I-39574', 2225, false]],
  ],
  // data en: a full stop typed for the comma
  [
    'United Nations, Treaty Series, vol. 2329. No. 41723.',
    'en',
    [['vol. 2329. No. 41723', 'UNTS I-41723', 2329, false]],
  ],
  // data fr
  [
    'Nations Unies, Recueil des Traités, vol. 75, nos 970 à 973.',
    'fr',
    [
      ['vol. 75, nos 970', 'UNTS I-970', 75, false],
      ['à', 'UNTS I-971', 75, false],
      ['à', 'UNTS I-972', 75, false],
      ['973', 'UNTS I-973', 75, false],
    ],
  ],
  [
    'Ibid., vol. 1125, nos 17512 et 17513.',
    'fr',
    [
      ['Ibid., vol. 1125, nos 17512', 'UNTS I-17512', 1125, true],
      ['17513', 'UNTS I-17513', 1125, true],
    ],
  ],
  // data es: the English series title is kept; "núm."
  [
    'Naciones Unidas, Treaty Series, vol. 1771, núm. 30822. que aún',
    'es',
    [['vol. 1771, núm. 30822', 'UNTS I-30822', 1771, false]],
  ],
  [
    'Ibid., vols. 2171, 2173 y 2983, núm. 27531.',
    'es',
    [['Ibid., vols. 2171, 2173 y 2983, núm. 27531', 'UNTS I-27531', 2171, true]],
  ],
  // data ru: English series title inside Russian text; "Там же"
  [
    'о правах ребенка United Nations, Treaty Series, vol. 1577, No. 27531., Конвенции Там же, vol. 1760, No. 30619.',
    'ru',
    [
      ['vol. 1577, No. 27531', 'UNTS I-27531', 1577, false],
      ['Там же, vol. 1760, No. 30619', 'UNTS I-30619', 1760, true],
    ],
  ],
  // data en / zh: two volumes cited under one registration number (a convention and its protocol)
  [
    'and the two Protocols thereto Ibid., vol. 249, No. 3511, and vol. 2253, No. 3511. and',
    'en',
    [
      ['Ibid., vol. 249, No. 3511', 'UNTS I-3511', 249, true],
      ['vol. 2253, No. 3511', 'UNTS I-3511', 2253, true],
    ],
  ],
  [
    '同上，第249卷，第3511号；第2253卷，第3511号。',
    'zh',
    [
      ['同上，第249卷，第3511号', 'UNTS I-3511', 249, true],
      ['第2253卷，第3511号', 'UNTS I-3511', 2253, true],
    ],
  ],
  // grammar-reference §4.1: the Russian form with its own words ("т.", "№")
  [
    'Организация Объединенных Наций, Сборник договоров, т. 1771, № 30822. Там же, т. 1249, № 20378.',
    'ru',
    [
      ['т. 1771, № 30822', 'UNTS I-30822', 1771, false],
      ['Там же, т. 1249, № 20378', 'UNTS I-20378', 1249, true],
    ],
  ],
  ['Ibíd., vol. 1577, núm. 27531.', 'es', [['Ibíd., vol. 1577, núm. 27531', 'UNTS I-27531', 1577, true]]],
  // data ar: Arabic and English forms side by side
  [
    'الأمم المتحدة، مجموعة المعاهدات، المجلد 3146، الرقم 1030.)، ( () United Nations, Treaty Series, vol. 729, No. 10485.)',
    'ar',
    [
      ['المجلد 3146، الرقم 1030', 'UNTS I-1030', 3146, false],
      ['vol. 729, No. 10485', 'UNTS I-10485', 729, false],
    ],
  ],
  [
    'المرجع نفسه، المجلد 75، الأرقام 970 إلى 973.',
    'ar',
    [
      ['المرجع نفسه، المجلد 75، الأرقام 970', 'UNTS I-970', 75, true],
      ['إلى', 'UNTS I-971', 75, true],
      ['إلى', 'UNTS I-972', 75, true],
      ['973', 'UNTS I-973', 75, true],
    ],
  ],
  [
    'المرجع نفسه، المجلدان 1249 و 2131، الرقم 20378',
    'ar',
    [['المرجع نفسه، المجلدان 1249 و 2131، الرقم 20378', 'UNTS I-20378', 1249, true]],
  ],
  // data zh: ranges and pairs
  [
    '同上，第1125卷，第17512和17513号。',
    'zh',
    [
      ['同上，第1125卷，第17512', 'UNTS I-17512', 1125, true],
      ['17513号', 'UNTS I-17513', 1125, true],
    ],
  ],
  // League of Nations: Roman (or Chinese-numeral) volumes, key LNTS
  [
    'signed at Geneva on 17 June 1925, League of Nations, Treaty Series, vol. XCIV, No. 2138. as',
    'en',
    [['vol. XCIV, No. 2138', 'LNTS 2138', 94, false]],
  ],
  [
    'Société des Nations, Recueil des Traités, vol. XCIV, no 2138., comme',
    'fr',
    [['vol. XCIV, no 2138', 'LNTS 2138', 94, false]],
  ],
  [
    '国际联盟，《条约汇编》，第九十四卷，第2138号。',
    'zh',
    [['国际联盟，《条约汇编》，第九十四卷，第2138号', 'LNTS 2138', 94, false]],
  ],
  // registration part II
  [
    'United Nations, Treaty Series, vol. 1, No. II-965.',
    'en',
    [['vol. 1, No. II-965', 'UNTS II-965', 1, false]],
  ],
];

const NEGATIVE = [
  // dev 108: the name of the series is not a citation
  'the publication of the United Nations Treaty Series and of the Treaty Series',
  // UNTS running head
  'Vol. 999, I-14668',
  // European Treaty Series, Official Records volumes
  'European Treaty Series No. 176), and',
  'Ibid., vol. III (A/77/5 (Vol. III)).',
  '同上，第一卷(NPT/CONF.2000/28 (Parts I and II))',
  'Ibid., para. 12; Ibid., 2008, Supplement No. 5',
];

describe('scanTreaties', () => {
  test.each(CASES)('%s', (text, lang, expected) => {
    const found = scanTreaties(text, { lang });
    expect(found.map((m): Row => [m.surface, m.key, m.volume, m.ibid === true])).toEqual(expected);
    for (const m of found) {
      expect(m.kind).toBe('treaty');
      expect(text.slice(m.offset, m.end)).toBe(m.surface);
    }
  });

  test.each(NEGATIVE)('no treaty in %j', (text) => {
    expect(scanTreaties(text, { lang: 'en' })).toEqual([]);
  });

  test('a singular "No." is never a list', () => {
    const found = scanTreaties('United Nations, Treaty Series, vol. 1771, No. 30822, 1999 and 2000', {
      lang: 'en',
    });
    expect(found.map((m) => m.key)).toEqual(['UNTS I-30822']);
  });
});
