/**
 * Greek and Cyrillic letters drawn like a Latin letter, and that letter. UN texts and data carry them where a
 * Latin letter was meant: Russian texts type "А/74/142" with a Cyrillic А (grammar/symbol.ts reads the
 * capitals back in a symbol's series), and a source titles HRC resolution 51/3 "Νeurotechnology" with a Greek
 * Nu (the index miner puts the Latin letter back in titles).
 */
export const LATIN_LOOKALIKE: Readonly<Record<string, string>> = {
  // Greek
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  ο: 'o',
  ν: 'v',
  ι: 'i',
  // Cyrillic
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
};
