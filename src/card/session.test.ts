/**
 * The Session fact of keys the index may not hold (what the key alone tells), and of rows with a date: every
 * body's form. Real keys from the corpus and data/ (the seed resolution A/RES/77/176 cites 2006/2 of the CPD).
 */
import { expect, test } from 'vitest';
import { tEn } from '../../test/unit/i18n';
import type { Kind } from '../core/mention';
import { describeKey } from './key-info';
import { sessionText } from './session';

test.each([
  ['A/RES/2252(ES-V)', 'resolution', undefined, '5th emergency special session'],
  ['A/RES/3201(S-VI)', 'resolution', undefined, '6th special session'],
  ['A/RES/ES-11/1', 'resolution', undefined, '11th emergency special session'],
  ['A/RES/1514(XV)', 'resolution', undefined, '15th session (1960–1961)'],
  ['A/RES/1(I)', 'resolution', undefined, '1st session (1946)'],
  ['A/77/236', 'document', undefined, '77th session (2022–2023)'],
  ['S/RES/2334(2016)', 'resolution', undefined, '2016'],
  ['S/2015/1018', 'document', undefined, '2015'],
  ['E/RES/2006/2', 'resolution', undefined, '2006'],
  ['E/DEC/2006/201', 'decision', undefined, '2006'],
  ['E/RES/1503(XLVIII)', 'resolution', '1970-05-27', '48th session (1970)'],
  ['E/CN.4/RES/1996/85', 'resolution', undefined, '1996'],
  ['A/HRC/RES/48/13', 'resolution', undefined, '48th session'],
  ['A/HRC/RES/S-32/1', 'resolution', undefined, '32nd special session'],
  ['A/HRC/52/3', 'document', undefined, '52nd session'],
  ['CPD res 2006/2', 'resolution', undefined, '2006'],
  ['CCPCJ res 16/1', 'resolution', undefined, '16th session'],
  ['UNFCCC dec 1/CP.21', 'decision', undefined, 'COP 21 (2015)'],
] as const)('%s: %s', (key, kind, date, expected) => {
  const info = describeKey(key, kind as Kind);
  expect(sessionText(tEn, info, { session: undefined, years: undefined, ...(date ? { date } : {}) })).toBe(
    expected,
  );
});

test('a stored SC session (its year) and the years lookup derives never read "2016–2016"', () => {
  const info = describeKey('S/RES/2334(2016)', 'resolution');
  expect(sessionText(tEn, info, { session: '2016', years: [2016, 2016] })).toBe('2016');
  const hrc = describeKey('A/HRC/RES/52/2', 'resolution');
  expect(sessionText(tEn, hrc, { session: '52', years: [2023, 2023] })).toBe('52nd session');
});
