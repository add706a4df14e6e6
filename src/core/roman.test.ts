import { describe, expect, it } from 'vitest';
import { isCanonicalRoman, numberToRoman, romanToNumber } from './roman';

describe('romanToNumber', () => {
  it('reads GA sessions, League volumes and MTDSG chapters, subtracting a smaller digit before a larger one', () => {
    expect(['I', 'IV', 'XV', 'XXIX', 'XLVIII', 'XC', 'XCIX', 'CCV', 'MCMXLVI'].map(romanToNumber)).toEqual([
      1, 4, 15, 29, 48, 90, 99, 205, 1946,
    ]);
  });

  it('is NaN for what is no numeral: other letters, lower case, a session prefix, the empty string', () => {
    for (const s of ['S', 'xv', 'S-VI', 'X V', '', '12']) expect(romanToNumber(s)).toBeNaN();
  });

  it('reads a non-canonical numeral by the same rule (the caller decides whether to accept it)', () => {
    expect(romanToNumber('IIII')).toBe(4);
    expect(romanToNumber('IC')).toBe(99);
  });
});

describe('numberToRoman', () => {
  it('writes the canonical numeral', () => {
    expect([1, 4, 9, 14, 40, 49, 99, 400, 1999, 3999].map(numberToRoman)).toEqual([
      'I',
      'IV',
      'IX',
      'XIV',
      'XL',
      'XLIX',
      'XCIX',
      'CD',
      'MCMXCIX',
      'MMMCMXCIX',
    ]);
  });

  it('gives "" outside 1..3999 and for fractions', () => {
    for (const n of [0, -3, 4000, 2.5, Number.NaN]) expect(numberToRoman(n)).toBe('');
  });

  it('round-trips through romanToNumber for every number it writes', () => {
    for (let n = 1; n <= 3999; n++) expect(romanToNumber(numberToRoman(n))).toBe(n);
  });
});

describe('isCanonicalRoman', () => {
  it('accepts canonical numerals and rejects slips that still read as a value', () => {
    expect(['XIV', 'XC', 'LXXX'].map(isCanonicalRoman)).toEqual([true, true, true]);
    expect(['XIIII', 'IC', 'VX', 'IIV', '', 'xiv'].map(isCanonicalRoman)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
