import { describe, expect, test } from 'vitest';
import type { Lang } from '../mention';
import { scanOfficialRecords, sessionNumber } from './official-records';

/** Official Records citations without a symbol (forms from data/unxml-akn4un, six languages). */
const CASES: [string, Lang, [surface: string, key: string][]][] = [
  [
    'See Official Records of the General Assembly, Sixtieth Session, Supplement No. 10, chap. IV.',
    'en',
    [['Official Records of the General Assembly, Sixtieth Session, Supplement No. 10', 'A/60/10']],
  ],
  // a lettered supplement is an addendum: 53A = Add.1, 53B = Add.2
  [
    'Ibid., Seventy-fourth Session, Supplement No. 53A, chap. III. Ibid., Seventy-first Session, Supplement No. 53B, chap. II.',
    'en',
    [
      ['Ibid., Seventy-fourth Session, Supplement No. 53A', 'A/74/53/Add.1'],
      ['Ibid., Seventy-first Session, Supplement No. 53B', 'A/71/53/Add.2'],
    ],
  ],
  // data fr: the symbol in the source is mistyped "(A75/53/Add.1)", so the derived key is the mention
  [
    'Documents officiels de l’Assemblée générale, soixante-quinzième session, Supplément no 53A (A75/53/Add.1), chap. III.',
    'fr',
    [
      [
        'Documents officiels de l’Assemblée générale, soixante-quinzième session, Supplément no 53A',
        'A/75/53/Add.1',
      ],
    ],
  ],
  [
    'Documentos Oficiales de la Asamblea General, septuagésimo cuarto período de sesiones, suplemento núm. 53, cap. II.',
    'es',
    [
      [
        'Documentos Oficiales de la Asamblea General, septuagésimo cuarto período de sesiones, suplemento núm. 53',
        'A/74/53',
      ],
    ],
  ],
  // data ru: no symbol given
  [
    'Официальные отчеты Генеральной Ассамблеи, семьдесят четвертая сессия, Дополнение № 53A, гл. III, разд. A.',
    'ru',
    [
      [
        'Официальные отчеты Генеральной Ассамблеи, семьдесят четвертая сессия, Дополнение № 53A',
        'A/74/53/Add.1',
      ],
    ],
  ],
  [
    '《大会正式记录，第七十七届会议，补编第53号》，第二章。',
    'zh',
    [['大会正式记录，第七十七届会议，补编第53', 'A/77/53']],
  ],
  [
    'الوثائق الرسمية للجمعية العامة، الدورة الرابعة والسبعون، الملحق رقم 53 ألف، الفصل الثالث.',
    'ar',
    [['الوثائق الرسمية للجمعية العامة، الدورة الرابعة والسبعون، الملحق رقم 53 ألف', 'A/74/53/Add.1']],
  ],
];

/** With a symbol the mention is symbol.ts's; ECOSOC years, early and special sessions cannot be derived. */
const NEGATIVE = [
  'Official Records of the General Assembly, Sixtieth Session, Supplement No. 10 (A/60/10)',
  'Ibid., Seventy-fourth Session, Supplement No. 53A (A/74/53/Add.1), chap. III.',
  'Там же, восьмидесятая сессия, Дополнение № 53 (А/80/53), глава',
  'الوثائق الرسمية للجمعية العامة، الدورة الخامسة والسبعون، الملحق رقم 12 A/75/12)).',
  '《大会正式记录，第七十七届会议，补编第53号》(A/77/53)。',
  'Official Records of the Economic and Social Council, 2006, Supplement No. 5',
  'Ibid., 2008, Supplement No. 5',
  'Official Records of the General Assembly, Nineteenth Session, Annexes',
  'Official Records of the General Assembly, Eighth Session, Supplement No. 17',
  'Official Records of the General Assembly, Twelfth Special Session, Supplement No. 3',
];

describe('scanOfficialRecords', () => {
  test.each(CASES)('%s', (text, lang, expected) => {
    const found = scanOfficialRecords(text, { lang });
    expect(found.map((m) => [m.surface, m.key])).toEqual(expected);
    for (const m of found) {
      expect(m.kind).toBe('document');
      expect(text.slice(m.offset, m.end)).toBe(m.surface);
    }
  });

  test.each(NEGATIVE)('nothing derived from %j', (text) => {
    expect(scanOfficialRecords(text, { lang: 'en' })).toEqual([]);
  });
});

describe('sessionNumber', () => {
  test.each([
    ['Thirty-first Session', 31],
    ['Seventy-seventh Session', 77],
    ['Eightieth Session', 80],
    ['soixante et onzième session', 71],
    ['soixante-dix-septième session', 77],
    ['quatre-vingtième session', 80],
    ['quatre-vingt-unième session', 81],
    ['trente et unième session', 31],
    ['septuagésimo séptimo período de sesiones', 77],
    ['octogésimo período de sesiones', 80],
    ['семьдесят седьмая сессия', 77],
    ['восьмидесятая сессия', 80],
    ['第七十七届会议', 77],
    ['第八十届会议', 80],
    ['الدورة السابعة والسبعون', 77],
    ['الدورة الثمانون', 80],
  ])('%s → %i', (phrase, n) => {
    expect(sessionNumber(phrase)).toBe(n);
  });
});
