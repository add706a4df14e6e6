import { describe, expect, it } from 'vitest';
import { linksFor, normalizeSymbol, parseKey, sessionOfKey, shardOf } from '../../../src/core/index/keys.ts';

// Spellings as users paste them from UN pages, the Digital Library, the combined tables and the corpus.
describe('parseKey', () => {
  it.each([
    ['a/res/73/195', 'A/RES/73/195', 'GA'],
    ['73/195', 'A/RES/73/195', 'GA'],
    ['resolution 73/195', 'A/RES/73/195', 'GA'],
    ['A/RES/59/26*', 'A/RES/59/26', 'GA'],
    ['S/RES/2334(2016)', 'S/RES/2334(2016)', 'SC'],
    ['S/RES/2334 (2016)', 'S/RES/2334(2016)', 'SC'],
    ['2334 (2016)', 'S/RES/2334(2016)', 'SC'],
    ['Security Council resolution 242 (1967)', 'S/RES/242(1967)', 'SC'],
    ['217 A (III)', 'A/RES/217(III)', 'GA'],
    ['A/RES/217(III)[A]', 'A/RES/217(III)', 'GA'],
    ['1514 (XV)', 'A/RES/1514(XV)', 'GA'],
    ['3201 (S-VI)', 'A/RES/3201(S-VI)', 'GA'],
    ['2252 (ES-V)', 'A/RES/2252(ES-V)', 'GA'],
    ['ES-11/1', 'A/RES/ES-11/1', 'GA'],
    ['A/RES/S-32/1', 'A/RES/S-32/1', 'GA'],
    ['A/HRC/RES/51/3', 'A/HRC/RES/51/3', 'HRC'],
    ['E/RES/2021/1', 'E/RES/2021/1', 'ECOSOC'],
    ['E/RES/1503 (XLVIII)', 'E/RES/1503(XLVIII)', 'ECOSOC'],
    ['E/CN.4/RES/1996/85', 'E/CN.4/RES/1996/85', 'CHR'],
    ['UNTS I-30822', 'UNTS I-30822', 'UNTS'],
    ['United Nations, Treaty Series, vol. 1771, No. 30822', 'UNTS I-30822', 'UNTS'],
    ['MTDSG IV-11', 'MTDSG IV-11', 'MTDSG'],
    ['Sales No. E.95.XIII.18', 'Sales No. 95.XIII.18', 'OTHER'],
    ['E/CN.4/1998/53/Add.2', 'E/CN.4/1998/53/Add.2', 'CHR'],
    ['A/77/445/ADD.2', 'A/77/445/Add.2', 'GA'],
    ['A/73/L66', 'A/73/L.66', 'GA'],
    ['FCCC/CP/2015/10/Add.1', 'FCCC/CP/2015/10/Add.1', 'OTHER'],
    ['CPD res 2006/2', 'CPD res 2006/2', 'OTHER'],
    ['decision 1/CP.21', 'UNFCCC dec 1/CP.21', 'OTHER'],
    ['UNFCCC dec 1/CMA.1', 'UNFCCC dec 1/CMA.1', 'OTHER'],
    ['instrument:UN Charter', 'instrument:UN Charter', 'OTHER'],
  ])('%s → %s', (input, key, body) => {
    const p = parseKey(input);
    expect(p?.key).toBe(key);
    expect(p?.body).toBe(body);
  });

  it('keeps part letters as a field, not in the key', () => {
    expect(parseKey('217 A (III)')?.part).toBe('A');
    expect(parseKey('43/222 A')?.part).toBe('A');
  });

  it('a bare SESSION/NUM is the GA, with the HRC reading as an alternative', () => {
    expect(parseKey('48/13')).toMatchObject({ key: 'A/RES/48/13', alternatives: ['A/HRC/RES/48/13'] });
    expect(parseKey('A/RES/48/13')?.alternatives).toBeUndefined();
  });

  it.each(['', 'migration', '24/7 support', 'Article 2(4)', 'ISBN 978-92-1-101397-1'])(
    '%s is not a key',
    (s) => {
      expect(parseKey(s)).toBeUndefined();
    },
  );
});

describe('normalizeSymbol / sessionOfKey / linksFor / shardOf', () => {
  it('normalizes case, spaces and suffixes', () => {
    expect(normalizeSymbol('e/cn.4/sub.2/1994/56')).toBe('E/CN.4/Sub.2/1994/56');
    expect(normalizeSymbol('A/C.3/77/L.5/REV.1')).toBe('A/C.3/77/L.5/Rev.1');
    expect(normalizeSymbol('E/2005/47/Corr. 1')).toBe('E/2005/47/Corr.1');
  });

  it('derives session and years from keys', () => {
    expect(sessionOfKey('A/RES/77/176')).toEqual({ session: '77', years: [2022, 2023] });
    expect(sessionOfKey('A/RES/217(III)')).toEqual({ session: '3', years: [1948, 1949] });
    expect(sessionOfKey('S/RES/2334(2016)').years).toEqual([2016, 2016]);
    expect(sessionOfKey('E/RES/2021/1').years).toEqual([2021, 2021]);
    expect(sessionOfKey('A/HRC/RES/51/3').years).toEqual([2022, 2022]);
  });

  it('gives undocs links only for real symbols', () => {
    expect(linksFor('A/RES/77/176', 'zh')[0]?.url).toBe('https://undocs.org/zh/A/RES/77/176');
    expect(linksFor('A/DEC/76/501', 'en')).toEqual([]);
    expect(linksFor('MTDSG IV-11', 'fr')[0]?.url).toContain('mtdsg_no=IV-11&chapter=4&lang=fr');
  });

  it('spreads keys over shards deterministically', () => {
    const counts = new Array(64).fill(0);
    for (let s = 1; s <= 80; s++) for (let n = 1; n <= 100; n++) counts[shardOf(`A/RES/${s}/${n}`, 64)]++;
    expect(Math.min(...counts)).toBeGreaterThan(60);
    expect(shardOf('A/RES/77/176', 64)).toBe(shardOf('A/RES/77/176', 64));
  });
});
