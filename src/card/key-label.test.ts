/**
 * The reader's label of every kind of key (spec citation-keys.md): what lists and announcements show instead of
 * the index's key. A label never carries key syntax ("instrument:", "res", "dec", "UNTS I-", "A/DEC/").
 */
import { expect, test } from 'vitest';
import { tEn } from '../../test/unit/i18n';
import { translator } from '../../test/unit/i18n-locale';
import { keyLabel, kindOfKey } from './key-label';

const LABELS: [key: string, label: string][] = [
  ['A/RES/73/195', 'A/RES/73/195'],
  ['A/RES/217(III)', 'A/RES/217(III)'],
  ['S/RES/2334(2016)', 'S/RES/2334(2016)'],
  ['E/RES/2006/2', 'E/RES/2006/2'],
  ['A/HRC/RES/48/13', 'A/HRC/RES/48/13'],
  ['E/CN.4/RES/1996/85', 'E/CN.4/RES/1996/85'],
  ['A/77/236', 'A/77/236'],
  ['A/C.3/77/L.5/Rev.1', 'A/C.3/77/L.5/Rev.1'],
  ['CPD res 2006/2', 'CPD resolution 2006/2'],
  ['CCPCJ res 16/1', 'CCPCJ resolution 16/1'],
  ['WHA res 72.4', 'WHA resolution 72.4'],
  ['A/DEC/76/501', 'General Assembly decision 76/501'],
  ['E/DEC/2006/201', 'Economic and Social Council decision 2006/201'],
  ['A/HRC/DEC/19/119', 'Human Rights Council decision 19/119'],
  ['UNFCCC dec 1/CP.21', 'COP decision 1/CP.21'],
  ['UNTS I-30822', 'UNTS No. 30822'],
  ['UNTS II-965', 'United Nations, Treaty Series, No. 965 (part II)'],
  ['LNTS 1234', 'LNTS No. 1234'],
  ['MTDSG IV-11', 'Multilateral treaty IV-11 (MTDSG)'],
  ['Sales No. 95.XIII.18', 'Sales No. 95.XIII.18'],
  ['instrument:ICPD Programme of Action', 'ICPD Programme of Action'],
  ['instrument:UN Charter', 'UN Charter'],
];

test.each(LABELS)('%s reads "%s"', (key, label) => {
  expect(keyLabel(key, tEn)).toBe(label);
});

test('an instrument with its title is named by the title', () => {
  expect(
    keyLabel(
      'instrument:ICPD Programme of Action',
      tEn,
      'Programme of Action of the International Conference on Population and Development',
    ),
  ).toBe('Programme of Action of the International Conference on Population and Development');
});

test.each(['en', 'fr', 'es', 'ru', 'zh_CN', 'ar'] as const)('no label in %s carries key syntax', (locale) => {
  const t = translator(locale);
  for (const [key] of LABELS) {
    const label = keyLabel(key, t);
    expect(label).not.toMatch(/^[a-z]+:|\binstrument:| res | dec |\/DEC\/|^(?:UNTS|LNTS) I|\bI-\d/);
    expect(label).not.toMatch(/\bcard[A-Z]\w+/);
  }
});

test('kindOfKey', () => {
  expect(
    [
      'A/RES/73/195',
      'A/DEC/76/501',
      'UNTS I-1',
      'Sales No. 1',
      'instrument:X',
      'A/77/236',
      'WHA res 72.4',
    ].map(kindOfKey),
  ).toEqual(['resolution', 'decision', 'treaty', 'sales', 'instrument', 'document', 'resolution']);
});
