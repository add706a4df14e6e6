import { expect, test } from 'vitest';
import { listTitle } from '../card/library-title';
import type { IndexEntry } from '../core/index/types';
import { cardDate, cardTitle, localizeHits } from './card-title';

// Entries as the index holds them: 77/176 with titles in six languages; 60/206 known only from what
// 77/176 says of it ("its resolution 60/206 of 22 December 2005 on the facilitation and reduction ...").
const a77176: IndexEntry = {
  key: 'A/RES/77/176',
  kind: 'resolution',
  body: 'GA',
  title: 'International migration and development',
  titles: { fr: 'Migrations internationales et développement', zh: '国际移民与发展' },
};
const a60206: IndexEntry = {
  key: 'A/RES/60/206',
  kind: 'resolution',
  body: 'GA',
  derived: [
    {
      date: '2005-12-22',
      subject: 'the facilitation and reduction of the cost of transfer of migrant remittances',
      source: 'A/RES/77/176',
      lang: 'en',
    },
  ],
};

test.each([
  [a77176, 'fr', 'Migrations internationales et développement'],
  [a77176, 'zh', '国际移民与发展'],
  [a77176, 'ru', 'International migration and development'],
  [a60206, 'en', 'the facilitation and reduction of the cost of transfer of migrant remittances'],
  [a60206, 'es', 'the facilitation and reduction of the cost of transfer of migrant remittances'],
] as const)('%# %s', (entry, lang, expected) => {
  expect(cardTitle({ entry }, lang)).toBe(expected);
});

test('nothing known, nothing shown', () => {
  expect(cardTitle({ entry: undefined }, 'en')).toBeUndefined();
  expect(cardTitle({ entry: { key: 'E/2006/25', kind: 'document', body: 'ECOSOC' } }, 'en')).toBeUndefined();
});

test('a subject said in the reader’s language wins, then English, then any', () => {
  const entry: IndexEntry = {
    key: 'A/RES/68/4',
    kind: 'resolution',
    body: 'GA',
    derived: [
      { subject: 'la Déclaration du Dialogue de haut niveau', source: 'A/RES/77/176', lang: 'fr' },
      { subject: 'the Declaration of the High-level Dialogue', source: 'A/RES/77/176', lang: 'en' },
    ],
  };
  expect(cardTitle({ entry }, 'fr')).toBe('la Déclaration du Dialogue de haut niveau');
  expect(cardTitle({ entry }, 'ru')).toBe('the Declaration of the High-level Dialogue');
  expect(cardTitle({ entry: { ...entry, derived: entry.derived!.slice(0, 1) } }, 'zh')).toBe(
    'la Déclaration du Dialogue de haut niveau',
  );
});

test('a stray separator at the end of a title in the data is left out', () => {
  const entry: IndexEntry = {
    key: 'A/RES/75/226',
    kind: 'resolution',
    body: 'GA',
    titles: { ar: 'الهجرة الدولية والتنمية -' },
  };
  expect(cardTitle({ entry }, 'ar')).toBe('الهجرة الدولية والتنمية');
});

test('a date: its own, else the one a citing text gave', () => {
  const derived = [{ date: '2003-12-23', source: 'A/RES/77/176', lang: 'en' as const }];
  const entry: IndexEntry = { key: 'A/RES/58/208', kind: 'resolution', body: 'GA', derived };
  expect(cardDate({ entry })).toBe('2003-12-23');
  expect(cardDate({ entry: { ...entry, date: '2003-12-22' } })).toBe('2003-12-22');
  expect(cardDate({ entry: undefined })).toBeUndefined();
});

test('a library description (an SC resolution has no title) is bracketed in lists, an official title is not', () => {
  // Row S/RES/2334(2016) of data/tables/sc.json.gz (the UN Digital Library's "[on cessation of …]").
  const sc2334: IndexEntry = {
    key: 'S/RES/2334(2016)',
    kind: 'resolution',
    body: 'SC',
    title:
      'On cessation of Israeli settlement activities in the Occupied Palestinian Territory, including East Jerusalem',
  };
  expect(cardTitle({ entry: sc2334 }, 'en')).toBe(
    '[On cessation of Israeli settlement activities in the Occupied Palestinian Territory, including East Jerusalem]',
  );
  expect(cardTitle({ entry: a77176 }, 'en')).toBe('International migration and development');
});

test("search hits take the reader's title, and a library description is bracketed once (by the search box)", async () => {
  // The index has no SC row with a French description today; this one stands for the first that comes.
  const sc2334fr: IndexEntry = {
    key: 'S/RES/2334(2016)',
    kind: 'resolution',
    body: 'SC',
    title: 'On cessation of Israeli settlement activities',
    titles: { fr: 'Sur la cessation des activités de peuplement israéliennes' },
  };
  const entries = new Map([a77176, sc2334fr].map((e) => [e.key, e]));
  const hits = await localizeHits(
    {
      ok: true,
      value: [
        { key: a77176.key, title: a77176.title, score: 1, match: 'text' },
        { key: sc2334fr.key, title: sc2334fr.title, score: 1, match: 'text' },
      ],
    },
    'fr',
    async (key) => {
      const entry = entries.get(key)!;
      return { ok: true, value: { key, kind: entry.kind, body: entry.body, known: true, entry, links: [] } };
    },
  );
  expect(hits.ok && hits.value.map((h) => listTitle(h))).toEqual([
    'Migrations internationales et développement',
    '[Sur la cessation des activités de peuplement israéliennes]',
  ]);
});
