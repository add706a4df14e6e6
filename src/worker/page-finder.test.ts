import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { gazetteerMatcher } from '../shared/shipped-gazetteer';
import { createPageFinder } from './page-finder';

// A sentence of the seed resolution A/RES/77/176 with a resolution number and an instrument title.
const SENTENCE =
  'Recalling its resolution 73/195 of 19 December 2018, entitled “Global Compact for Safe, Orderly and Regular Migration”,';

const seed = () =>
  Promise.resolve(
    JSON.parse(readFileSync(new URL('../../data/gazetteer/seed.json', import.meta.url), 'utf8')),
  );

test('the worker-side finder finds numbers and, with the gazetteer, instrument titles', async () => {
  const find = createPageFinder(gazetteerMatcher(seed));
  const r = await find({ text: SENTENCE, lang: 'en', body: 'GA' });
  expect(r.mentions.map((m) => `${m.kind} ${m.key}`)).toEqual([
    'resolution A/RES/73/195',
    'instrument A/RES/73/195',
  ]);
});

test('a gazetteer that fails to load loses only the instruments', async () => {
  let calls = 0;
  const find = createPageFinder(
    gazetteerMatcher(() => {
      calls++;
      return Promise.reject(new Error('index/gazetteer.json missing'));
    }),
  );
  const r = await find({ text: SENTENCE, lang: 'en' });
  expect(r.mentions.map((m) => m.key)).toEqual(['A/RES/73/195']);
  await find({ text: SENTENCE });
  expect(calls).toBe(1);
});
