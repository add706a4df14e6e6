import { describe, expect, it } from 'vitest';
import { dateAfter, dateExamples, zhDateBefore } from './date';

describe('dates beside a number', () => {
  it.each(dateExamples)('reads "$text"', ({ text, iso }) => {
    expect(dateAfter(text, 0)?.date).toBe(iso);
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
