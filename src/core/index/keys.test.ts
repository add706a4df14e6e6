import { describe, expect, it } from 'vitest';
import { parseKey } from './keys';

/** The keys the finder gives for the new series are read back by the index and the search box. */
describe('parseKey for WHA, depositary notifications and press releases', () => {
  it.each([
    ['WHA res 72.4', 'WHA res 72.4', 'resolution'],
    ['WHA72.4', 'WHA res 72.4', 'resolution'],
    ['WHA dec 65(9)', 'WHA dec 65(9)', 'decision'],
    ['WHA65(9)', 'WHA dec 65(9)', 'decision'],
    ['WHA72/2019/REC/1', 'WHA72/2019/REC/1', 'document'],
    ['C.N.347.2024.TREATIES-XXVI.6', 'C.N.347.2024.TREATIES-XXVI.6', 'document'],
    ['C.N.123.2015.TREATIES-XXVII.7.d', 'C.N.123.2015.TREATIES-XXVII.7.d', 'document'],
    ['SC/13331', 'SC/13331', 'document'],
    ['SG/SM/22000', 'SG/SM/22000', 'document'],
  ])('%s', (input, key, kind) => {
    expect(parseKey(input)).toMatchObject({ key, kind });
  });
});

describe('parseKey: a special session number is the GA’s, with the Human Rights Council’s as the other reading', () => {
  it.each([
    ['S-32/1', 'A/RES/S-32/1', ['A/HRC/RES/S-32/1']],
    ['A/RES/S-32/1', 'A/RES/S-32/1', undefined],
    ['A/HRC/RES/S-32/1', 'A/HRC/RES/S-32/1', undefined],
    ['ES-11/1', 'A/RES/ES-11/1', undefined],
  ])('%s', (input, key, alternatives) => {
    const parsed = parseKey(input);
    expect(parsed?.key).toBe(key);
    expect(parsed?.alternatives).toEqual(alternatives);
  });
});
