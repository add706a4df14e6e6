/**
 * Roman numerals, read and written in one place: GA and ECOSOC sessions ("1514 (XV)"), League of Nations
 * volumes ("vol. CCV"), MTDSG chapters ("XXVII-7-d"), sales-number categories. Upper case only, as every
 * canonical key writes them; a grammar that meets lower case or look-alikes ("(xxi)", Cyrillic "ХХІ")
 * folds them first.
 */

const VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/**
 * Value of a Roman numeral read the usual way (a smaller digit before a larger one subtracts); NaN when
 * the string is empty or holds anything but I V X L C D M. Not checked for the canonical form: "IIII" is 4
 * (see {@link isCanonicalRoman}).
 * @example romanToNumber('XLVIII') // 48
 */
export function romanToNumber(roman: string): number {
  if (roman.length === 0) return Number.NaN;
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const v = VALUES[roman[i]!];
    if (v === undefined) return Number.NaN;
    const next = VALUES[roman[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

const TABLE: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/**
 * The canonical numeral of a whole number from 1 to 3999 ("" for anything else).
 * @example numberToRoman(21) // 'XXI'
 */
export function numberToRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) return '';
  let out = '';
  let rest = n;
  for (const [v, s] of TABLE) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

/**
 * Whether `roman` is a numeral written the canonical way ("XIV", not "XIIII" or "IIV"): OCR and typing
 * slips read as some value, and a grammar that accepts only canonical numerals rejects them.
 */
export function isCanonicalRoman(roman: string): boolean {
  const n = romanToNumber(roman);
  return Number.isFinite(n) && numberToRoman(n) === roman;
}
