import { describe, expect, test } from 'vitest';
import type { Lang } from '../mention';
import { examples, scanSymbols, scYear } from './symbol';

/** [text (real sentences from ../shared corpus/dev and data/unxml-akn4un), lang, expected [surface, kind, key]]. */
const CASES: [string, Lang, [string, string, string][]][] = [
  // dev 102: a double symbol is one mention keyed by the first symbol; the surface covers both
  [
    'Resolution 76/258, annex.\nA/78/112-E/2023/94.\nGene',
    'en',
    [['A/78/112-E/2023/94', 'document', 'A/78/112']],
  ],
  // dev 102 / 114: a symbol broken across lines by PDF extraction
  [
    'Adopted under the UNFCCC in FCCC/CP/2015/10/Add.\n1, decision 1/CP.21.',
    'en',
    [['FCCC/CP/2015/10/Add.\n1', 'document', 'FCCC/CP/2015/10/Add.1']],
  ],
  ['FCCC\n/CP/2015/L.9', 'en', [['FCCC\n/CP/2015/L.9', 'document', 'FCCC/CP/2015/L.9']]],
  // dev 107
  [
    'Ordre du jour provisoire (A/76/L.57 et A/76/L.57/Add.1)]',
    'fr',
    [
      ['A/76/L.57', 'document', 'A/76/L.57'],
      ['A/76/L.57/Add.1', 'document', 'A/76/L.57/Add.1'],
    ],
  ],
  // dev 115: statements listed after the resolutions
  [
    'and its Statements of its President S/PRST/2014/16, S/PRST/2014/26 and S/PRST/2015/9,',
    'en',
    [
      ['S/PRST/2014/16', 'document', 'S/PRST/2014/16'],
      ['S/PRST/2014/26', 'document', 'S/PRST/2014/26'],
      ['S/PRST/2015/9', 'document', 'S/PRST/2015/9'],
    ],
  ],
  // dev 103: a resolution symbol is a resolution; a typo in a symbol is kept as written
  [
    '《2005年世界首脑会议成果》(A/RES/60/1)，《北京宣言和行动纲要》(A/CONF/177/20/Rev.1)',
    'zh',
    [
      ['A/RES/60/1', 'resolution', 'A/RES/60/1'],
      ['A/CONF/177/20/Rev.1', 'document', 'A/CONF/177/20/Rev.1'],
    ],
  ],
  // data en: a URL holds the symbol; the SC year is part of the symbol, the glued "2500 (2019)" is not
  [
    'resolution https://undocs.org/en/S/RES/2442 (2018)2500 (2019) and relevant resolutions',
    'en',
    [['S/RES/2442 (2018)', 'resolution', 'S/RES/2442(2018)']],
  ],
  // data en: a stray space after the slash; a list of whole symbols
  [
    'Supplement No. 53A and corrigenda (A/69/53/Add.1, A/69/53/Add.1/ Corr.1 and A/69/53/Add.1/Corr.2)',
    'en',
    [
      ['A/69/53/Add.1', 'document', 'A/69/53/Add.1'],
      ['A/69/53/Add.1/ Corr.1', 'document', 'A/69/53/Add.1/Corr.1'],
      ['A/69/53/Add.1/Corr.2', 'document', 'A/69/53/Add.1/Corr.2'],
    ],
  ],
  // data ru: a Cyrillic "А" typed for the series letter
  [
    'A/73/155, А/74/142, A/74/145',
    'ru',
    [
      ['A/73/155', 'document', 'A/73/155'],
      ['А/74/142', 'document', 'A/74/142'],
      ['A/74/145', 'document', 'A/74/145'],
    ],
  ],
  // data ar: double parenthesis, "(Part I)" is not in the key
  [
    'الملحق رقم 12 ((A/73/12 (Part I) و A/73/12 (Part II))، الفصل',
    'ar',
    [
      ['A/73/12', 'document', 'A/73/12'],
      ['A/73/12', 'document', 'A/73/12'],
    ],
  ],
  // data en: a double symbol of the Commission and its Sub-Commission
  [
    ', See E/CN.4/2001/2-E/CN.4/Sub.2/2000/46, chap. II,',
    'en',
    [['E/CN.4/2001/2-E/CN.4/Sub.2/2000/46', 'document', 'E/CN.4/2001/2']],
  ],
  // data zh: emergency special session documents and a corrigendum
  [
    '见A/ES-10/273和A/ES-10/273/Corr.1。',
    'zh',
    [
      ['A/ES-10/273', 'document', 'A/ES-10/273'],
      ['A/ES-10/273/Corr.1', 'document', 'A/ES-10/273/Corr.1'],
    ],
  ],
  // data en: UNEA resolutions are keyed like the other bodies without a RES series
  [
    'legally binding instrument”, UNEP/EA.5/Res.14. to convene',
    'en',
    [['UNEP/EA.5/Res.14', 'resolution', 'UNEA res 5/14']],
  ],
  [
    'general comment No. 35 (2014) on liberty and security of person, CCPR/C/GC/35.',
    'en',
    [['CCPR/C/GC/35', 'document', 'CCPR/C/GC/35']],
  ],
  // grammar-reference §1.4: suffix lists expand; each item's surface is what names it
  [
    'См. E/2005/47 и Corr. 1.',
    'ru',
    [
      ['E/2005/47', 'document', 'E/2005/47'],
      ['Corr. 1', 'document', 'E/2005/47/Corr.1'],
    ],
  ],
  [
    'See A/CN.4/156 and Add.1-3.',
    'en',
    [
      ['A/CN.4/156', 'document', 'A/CN.4/156'],
      ['Add.1', 'document', 'A/CN.4/156/Add.1'],
      ['-', 'document', 'A/CN.4/156/Add.2'],
      ['3', 'document', 'A/CN.4/156/Add.3'],
    ],
  ],
  [
    'CEDAW/C/SR.539, 540 и 548',
    'ru',
    [
      ['CEDAW/C/SR.539', 'document', 'CEDAW/C/SR.539'],
      ['540', 'document', 'CEDAW/C/SR.540'],
      ['548', 'document', 'CEDAW/C/SR.548'],
    ],
  ],
  [
    '(E/1994/24 and Corr.1, chap. II, sect. A)',
    'en',
    [
      ['E/1994/24', 'document', 'E/1994/24'],
      ['Corr.1', 'document', 'E/1994/24/Corr.1'],
    ],
  ],
  [
    'initial to third periodic reports of Estonia (CEDAW/C/EST/1‑3)',
    'en',
    [['CEDAW/C/EST/1‑3', 'document', 'CEDAW/C/EST/1-3']],
  ],
  // data en/fr: footnote symbols flattened onto the word they annotate (AKN texts)
  ['programmes of action for the SecondA/56/61, annex.', 'en', [['A/56/61', 'document', 'A/56/61']]],
  ['rapport du Secrétaire généralA/75/84-E/2020/14.', 'fr', [['A/75/84-E/2020/14', 'document', 'A/75/84']]],
  // …or onto the year of a date (GA texts 74-80, A/RES/74/117 in French and Spanish)
  [
    'signé à Washington le 28 septembre 1995A/51/889-S/1997/357, annexe.',
    'fr',
    [['A/51/889-S/1997/357', 'document', 'A/51/889']],
  ],
  ['held on 14 April 2020A/74/811, annex.', 'en', [['A/74/811', 'document', 'A/74/811']]],
  // data cr-unsc: provisional agendas; "Add.1 and 2"
  [
    'The provisional agenda (S/Agenda/4390/Rev.1) was adopted.',
    'en',
    [['S/Agenda/4390/Rev.1', 'document', 'S/Agenda/4390/Rev.1']],
  ],
  [
    'the reports (A/63/53/Add.1 and 2)',
    'en',
    [
      ['A/63/53/Add.1', 'document', 'A/63/53/Add.1'],
      ['2', 'document', 'A/63/53/Add.2'],
    ],
  ],
  [
    'ST/LEG/SER.B/25 and ST/LIB/SER.B/5/Rev.5',
    'en',
    [
      ['ST/LEG/SER.B/25', 'document', 'ST/LEG/SER.B/25'],
      ['ST/LIB/SER.B/5/Rev.5', 'document', 'ST/LIB/SER.B/5/Rev.5'],
    ],
  ],
  ['the serial number S/N 12345 and S/4HANA', 'en', []],
  // a date after a symbol is not a list of sibling numbers
  ['(S/2015/1018, 25 and 26 December)', 'en', [['S/2015/1018', 'document', 'S/2015/1018']]],
  ['https://documents.un.org/A/77/236', 'en', [['A/77/236', 'document', 'A/77/236']]],
  // normalisation: case of suffixes, missing dot after L, reissue asterisk, catalogue case
  [
    'E/2019/9/ADD.11 and TD/B/WP(XXXV)/MISC.1/REV.1',
    'en',
    [
      ['E/2019/9/ADD.11', 'document', 'E/2019/9/Add.11'],
      ['TD/B/WP(XXXV)/MISC.1/REV.1', 'document', 'TD/B/WP(XXXV)/MISC.1/Rev.1'],
    ],
  ],
  ['draft resolution A/73/L66 was adopted', 'en', [['A/73/L66', 'document', 'A/73/L.66']]],
  ['resolución A/RES/59/26*, de 22 de noviembre', 'es', [['A/RES/59/26', 'resolution', 'A/RES/59/26']]],
  // resolution symbols are resolutions with the resolution key
  [
    'A/RES/217 A (III) and A/RES/3201 (S-VI)',
    'en',
    [
      ['A/RES/217 A (III)', 'resolution', 'A/RES/217(III)'],
      ['A/RES/3201 (S-VI)', 'resolution', 'A/RES/3201(S-VI)'],
    ],
  ],
  [
    'A/HRC/RES/48/13, E/RES/2006/2, A/RES/ES-10/19, E/CN.4/RES/1996/85',
    'en',
    [
      ['A/HRC/RES/48/13', 'resolution', 'A/HRC/RES/48/13'],
      ['E/RES/2006/2', 'resolution', 'E/RES/2006/2'],
      ['A/RES/ES-10/19', 'resolution', 'A/RES/ES-10/19'],
      ['E/CN.4/RES/1996/85', 'resolution', 'E/CN.4/RES/1996/85'],
    ],
  ],
  // an SC symbol without its year: the year follows from the number
  ['(S/RES/1325)', 'en', [['S/RES/1325', 'resolution', 'S/RES/1325(2000)']]],
  // a corrigendum of a resolution is a document
  ['A/RES/59/26/Corr.1', 'en', [['A/RES/59/26/Corr.1', 'document', 'A/RES/59/26/Corr.1']]],
  // glued footnote marker after the closing parenthesis; Arabic and full-width commas
  [
    '(E/2019/25)6 and (A/61/387، الفقرة 9) and ISBA/19/C/17，附件',
    'en',
    [
      ['E/2019/25', 'document', 'E/2019/25'],
      ['A/61/387', 'document', 'A/61/387'],
      ['ISBA/19/C/17', 'document', 'ISBA/19/C/17'],
    ],
  ],
];

const NEGATIVE: string[] = [
  'and/or',
  'at 100 km/h',
  'S/he said',
  'A/C',
  'open 24/7; the attacks of 9/11; 1/2 of the votes',
  'on 2022/12/14',
  'GE.15-21930(E)',
  '04-39651 (E) 300704 *0439651*',
  'ISBN 92-1-133323-7',
  'K1606792 210716',
  'HIV/AIDS and TCP/IP',
  'decision X/2 of the Conference of the Parties and WT/MIN(22)/30',
  'A/ at line end\nE/ followed by prose',
  'A_AC_109_2019_L_18_EA',
  'the path /docs/A/B/C/1',
  'on paper A/4 at a S/1 ratio',
  'the Council of Europe CM/Res(2010)5 and WHO A/B testing',
];

describe('scanSymbols', () => {
  test.each(CASES)('%s', (text, lang, expected) => {
    const found = scanSymbols(text, { lang });
    expect(found.map((m) => [m.surface, m.kind, m.key])).toEqual(expected);
    for (const m of found) expect(text.slice(m.offset, m.end)).toBe(m.surface);
  });

  test.each(NEGATIVE)('no symbol in %j', (text) => {
    expect(scanSymbols(text, { lang: 'en' })).toEqual([]);
  });

  test('old-style resolution symbols carry their part letter as a field', () => {
    expect(scanSymbols('(A/RES/217 A (III))', { lang: 'en' })[0]?.part).toBe('A');
  });

  test('mentions come in document order with growing offsets', () => {
    const text = examples.match.join(' ');
    const found = scanSymbols(text, { lang: 'en' });
    // The same (kind, key) list as the examples give one by one, in their order.
    const pair = (m: { kind: string; key: string }) => `${m.kind} ${m.key}`;
    const each = examples.match.flatMap((e) => scanSymbols(e, { lang: 'en' }).map(pair));
    expect(each.length).toBeGreaterThanOrEqual(examples.match.length);
    expect(found.map(pair)).toEqual(each);
    for (let i = 1; i < found.length; i++) expect(found[i]!.offset).toBeGreaterThanOrEqual(found[i - 1]!.end);
  });

  test('hostile runs of slashes finish and find nothing', () => {
    expect(scanSymbols('A/'.repeat(50_000), { lang: 'en' })).toEqual([]);
    expect(scanSymbols('1/'.repeat(50_000), { lang: 'en' })).toEqual([]);
  });
});

describe('scYear', () => {
  test.each([
    [1, 1946],
    [15, 1946],
    [16, 1947],
    [242, 1967],
    [1325, 2000],
    [2334, 2016],
    [2798, 2025],
  ])('S/RES/%i is of %i', (n, year) => {
    expect(scYear(n)).toBe(year);
  });
  test('unknown numbers have no year', () => {
    expect(scYear(0)).toBeUndefined();
    expect(scYear(99999)).toBeUndefined();
  });
});
