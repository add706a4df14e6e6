import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyRegExp } from './lazy-regexp';

/** Each operation on a lazy pattern against the same on a compiled one. */
const cases: [string, string, string][] = [
  ['(?<n>\\d+)/(\\d+)', 'g', 'resolutions 58/208 and 59/241, A/77/236'],
  ['\\d+', 'y', '123 456'],
  ['résolution', 'iu', 'La RÉSOLUTION 73/195'],
  ['', 'g', 'ab'],
];

describe('lazyRegExp', () => {
  it.each(cases)('behaves as new RegExp(%j, %j)', (source, flags, text) => {
    const lazy = lazyRegExp(source, flags);
    const real = new RegExp(source, flags);
    // `source` is the string given (a compiled pattern escapes "/" and spells an empty one "(?:)").
    expect(new RegExp(lazy.source, lazy.flags).source).toBe(real.source);
    expect(lazy.flags).toBe(real.flags);
    for (const p of [
      'global',
      'ignoreCase',
      'multiline',
      'dotAll',
      'unicode',
      'sticky',
      'hasIndices',
    ] as const)
      expect(lazy[p], p).toBe(real[p]);
    expect(String(new RegExp(lazy))).toBe(String(real));
    expect(lazy.test(text)).toBe(real.test(text));
    expect(lazy.lastIndex).toBe(real.lastIndex);
    lazy.lastIndex = 0;
    real.lastIndex = 0;
    expect(lazy.exec(text)).toEqual(real.exec(text));
    expect(lazy.lastIndex).toBe(real.lastIndex);
    lazy.lastIndex = 4;
    real.lastIndex = 4;
    expect(lazy.exec(text)).toEqual(real.exec(text));
    expect(lazy.lastIndex).toBe(real.lastIndex);
    lazy.lastIndex = 0;
    real.lastIndex = 0;
    expect(text.match(lazy)).toEqual(text.match(real));
    expect(text.replace(lazy, '[$&]')).toBe(text.replace(real, '[$&]'));
    expect(text.replace(lazy, (m) => m.length.toString())).toBe(
      text.replace(real, (m) => m.length.toString()),
    );
    expect(text.search(lazy)).toBe(text.search(real));
    expect(text.split(lazy)).toEqual(text.split(real));
    if (real.global) {
      expect([...text.matchAll(lazy)]).toEqual([...text.matchAll(real)]);
      expect(text.replaceAll(lazy, '_')).toBe(text.replaceAll(real, '_'));
    }
    expect(new RegExp(lazy).flags).toBe(real.flags);
  });

  it('compiles on first use, not before: a bad source throws at the first match', () => {
    const bad = lazyRegExp('(', 'g');
    expect(bad.source).toBe('(');
    expect(() => bad.exec('x')).toThrow(SyntaxError);
  });

  it('a sticky pattern reads from lastIndex set before its first use', () => {
    const re = lazyRegExp('\\d+', 'y');
    re.lastIndex = 4;
    expect(re.exec('abc 42')?.[0]).toBe('42');
    expect(re.lastIndex).toBe(6);
  });
});

describe('the finder at load', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  // The background worker loads the finder on every wake, for every hover card; it must not compile its
  // grammar then (lazy-regexp.ts). Fails when a module the finder loads builds a pattern at its top level.
  it('compiles no pattern until it is first run', async () => {
    let built = 0;
    const Real = RegExp;
    vi.stubGlobal(
      'RegExp',
      new Proxy(Real, {
        construct(target, args: [string, string?]) {
          built++;
          return new target(...args);
        },
      }),
    );
    vi.resetModules();
    const { findCitations } = await import('./find');
    expect(built).toBe(0);
    expect(
      findCitations('Recalling its resolution 58/208 of 23 December 2003', { lang: 'en' }).mentions,
    ).toHaveLength(1);
    expect(built).toBeGreaterThan(0);
  });
});
