import { describe, expect, it } from 'vitest';
import { describeKey } from './key-info';

describe('describeKey of a bare document symbol', () => {
  it('gives an A/HRC/ document to the Human Rights Council, with the Council session and its year', () => {
    const info = describeKey('A/HRC/52/3', 'document');
    expect(info).toMatchObject({ body: 'HRC', session: '52', years: [2023], symbol: 'A/HRC/52/3' });
  });

  it('gives an E/CN.4/ document to the Commission on Human Rights, not to ECOSOC', () => {
    expect(describeKey('E/CN.4/2005/135', 'document').body).toBe('CHR');
  });

  it('keeps the Assembly session of an A/ document and the year of an S/ or E/ one', () => {
    expect(describeKey('A/C.3/77/L.1', 'document')).toMatchObject({
      body: 'GA',
      session: '77',
      years: [2022, 2023],
    });
    expect(describeKey('S/2023/1', 'document')).toMatchObject({ body: 'SC', years: [2023] });
    expect(describeKey('E/2006/25', 'document')).toMatchObject({ body: 'ECOSOC', years: [2006] });
  });

  it('names no body for a symbol of another series', () => {
    expect(describeKey('FCCC/CP/2015/10/Add.1', 'document').body).toBeUndefined();
  });
});
