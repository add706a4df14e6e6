import { describe, expect, test } from 'vitest';
import { readDev } from '../../test/corpus';
import { findCitations } from '../core/find';
import type { Lang } from '../core/mention';
import { findInRun, runLang, windows } from './scanner';

const SEED = readDev('seed-a-res-77-176.txt');

describe('windows', () => {
  test('a short text is one window', () => {
    expect(windows('Recalling its resolution 73/195', 100)).toEqual([[0, 31]]);
  });

  test('long text: windows cover everything, overlap, and cut at line or word breaks', () => {
    const w = windows(SEED, 3000, 200);
    expect(w[0]![0]).toBe(0);
    expect(w.at(-1)![1]).toBe(SEED.length);
    for (let i = 1; i < w.length; i++) {
      const [from] = w[i]!;
      const [, prevTo] = w[i - 1]!;
      expect(from).toBeLessThanOrEqual(prevTo);
      expect(/[\s]/.test(SEED[from - 1] ?? ' ')).toBe(true);
    }
    for (const [from, to] of w) expect(to - from).toBeLessThanOrEqual(3000);
  });

  test('a text with no line or word break is cut at the window size, end to end', () => {
    const text = 'A/'.repeat(50_000);
    const w = windows(text, 16_000, 400);
    expect(w.map(([from]) => from)).toEqual([0, 16_000, 32_000, 48_000, 64_000, 80_000, 96_000]);
    expect(w.at(-1)![1]).toBe(text.length);
  });
});

test('windowed finding equals one-shot finding on the seed resolution', async () => {
  const find = (t: string, lang: Lang | undefined) => findCitations(t, lang ? { lang } : {});
  const whole = findCitations(SEED).mentions.map((m) => `${m.offset} ${m.key}`);
  // 16 000-character windows (WINDOW_CHARS): a citation cut by a window edge must come back whole from the next window.
  const small = (await findInRun(SEED, find, 'en')).map((m) => `${m.offset} ${m.key}`);
  expect(small.length).toBeGreaterThan(40);
  const missing = whole.filter((x) => !small.includes(x));
  // Context that lies beyond a window ("its resolution" far from its opener) may differ; offsets never do.
  expect(missing.length / whole.length).toBeLessThan(0.05);
});

test.each([
  ['وإذ تشير إلى قرارها 76/237 المؤرخ 24 كانون الأول/ديسمبر 2021', 'en', 'ar'],
  ['回顾其2003年12月23日第58/208号决议', 'en', 'zh'],
  ['ссылаясь на резолюцию 73/195 Генеральной Ассамблеи', 'en', 'ru'],
  ['Rappelant sa résolution 73/195 du 19 décembre 2018', 'fr', 'fr'],
  ['Recalling its resolution 73/195', 'ar', undefined],
] as const)('run language of %j on a %s page is %s', (text, page, want) => {
  expect(runLang(text, page as Lang)).toBe(want);
});
