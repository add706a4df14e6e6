import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateAfter, dateExamples, zhDateBefore } from './date';

describe('dates beside a number', () => {
  it.each(dateExamples)('reads "$text"', ({ text, iso }) => {
    expect(dateAfter(text, 0)?.date).toBe(iso);
  });
  it('reads a date without its year only with the year the number gives', () => {
    expect(dateAfter(' of 4 March, 187 (1964)', 0, true, 1964)).toEqual({ date: '1964-03-04', end: 11 });
    // With no year at all the date still ends where it ends (a list goes on after it), with no ISO form.
    expect(dateAfter(' du 4 mars et 187', 0)).toEqual({ end: 10 });
    expect(dateAfter(' of 19 December 2018', 0, true, 1964)?.date).toBe('2018-12-19');
    expect(dateAfter(' of 45 March', 0, true, 1964)).toBeUndefined();
  });
  it('reads a Chinese date before 第', () => {
    const text = '回顾其2019年12月18日第74/175号决议';
    expect(zhDateBefore(text, text.indexOf('第'))?.date).toBe('2019-12-18');
  });
  it.each([' of the General Assembly', ' of 31 Smarch 2018', ' 19 December 2018', ' du 45 décembre 2018'])(
    'ignores "%s"',
    (text) => {
      expect(dateAfter(text, 0)).toBeUndefined();
    },
  );
});

describe('dateAfter gate', () => {
  it('rejects by one character only what the date regex rejects', () => {
    const piece = fc.constantFrom(
      ...[
        ',',
        '،',
        ' ',
        '  ',
        '\n',
        '\u00a0',
        'of',
        'OF',
        'on',
        'du',
        'De',
        'del',
        'de fecha',
        'en date du',
        'EN DATE DU',
      ],
      ...[
        'от',
        'ОТ',
        'المؤرخ',
        'المؤرخة',
        'في',
        '19',
        '1er',
        '3',
        'December',
        'décembre',
        'diciembre',
        'декабря',
      ],
      ...['كانون الأول/ديسمبر', '2018', 'года', 'resolution', 'x', '(', '.'],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const text = pieces.join(' ');
        for (let pos = 0; pos <= text.length; pos++)
          expect(dateAfter(text, pos)).toEqual(dateAfter(text, pos, false));
      }),
      { numRuns: 2000 },
    );
  });
});
