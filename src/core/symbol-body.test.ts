import { describe, expect, it } from 'vitest';
import { bodyFromSymbol } from './symbol-body';

describe('bodyFromSymbol', () => {
  it('names the body by the series letters, the longer series first', () => {
    expect(
      [
        'A/RES/73/195',
        'A/C.3/77/L.1',
        'A/HRC/RES/39/13',
        'A/HRC/52/3',
        'S/RES/2334(2016)',
        'S/PRST/2006/42',
        'E/RES/1989/65',
        'E/2006/25',
        'E/CN.4/RES/2005/1',
        'E/CN.4/2005/135',
      ].map(bodyFromSymbol),
    ).toEqual(['GA', 'GA', 'HRC', 'HRC', 'SC', 'SC', 'ECOSOC', 'ECOSOC', 'CHR', 'CHR']);
  });

  it('gives another commission of ECOSOC (E/CN.5/…) to ECOSOC: only E/CN.4/ is the CHR', () => {
    expect(bodyFromSymbol('E/CN.5/2020/1')).toBe('ECOSOC');
  });

  it('names none for other series, registry keys, look-alike prefixes and no symbol', () => {
    for (const s of [
      'FCCC/CP/2015/10',
      'UNTS I-30822',
      'MTDSG IV-11',
      'AS/1',
      'SE/2',
      'a/res/73/195',
      '',
      undefined,
    ])
      expect(bodyFromSymbol(s)).toBeUndefined();
  });
});
