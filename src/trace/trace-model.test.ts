import { describe, expect, test } from 'vitest';
import { findCitations } from '../core/find';
import type { SeriesRecord, TraceEdge } from '../core/index/types';
import {
  compareKeys,
  groupRecalls,
  orderCitedBy,
  placementCounts,
  type RowFacts,
  readSelection,
  seriesFacts,
  seriesPosition,
  seriesTitle,
  totalCitations,
} from './trace-model';

describe('readSelection: what a selected text asks to trace (real sentences, the real finder)', () => {
  const find = (text: string) => findCitations(text);
  // [selection as a reader would select it, key to trace, every key in it]
  const cases: [string, string | undefined, string[]][] = [
    // A bare key in any spelling.
    ['73/195', 'A/RES/73/195', ['A/RES/73/195']],
    ['S/RES/2334 (2016)', 'S/RES/2334(2016)', ['S/RES/2334(2016)']],
    ['United Nations, Treaty Series, vol. 1771, No. 30822', 'UNTS I-30822', ['UNTS I-30822']],
    // Running text: the first citation is traced, the others are offered (seed A/RES/77/176).
    [
      'Recalling its resolutions 58/208 of 23 December 2003, 59/241 of 22 December 2004, 60/227 of 23 December 2005',
      'A/RES/58/208',
      ['A/RES/58/208', 'A/RES/59/241', 'A/RES/60/227'],
    ],
    // S/RES/2223 (2015): "Recalling its previous resolutions 1996 (2011), 2046 (2012), 2057 (2012)".
    [
      'Recalling its previous resolutions 1996 (2011), 2046 (2012), 2057 (2012)',
      'S/RES/1996(2011)',
      ['S/RES/1996(2011)', 'S/RES/2046(2012)', 'S/RES/2057(2012)'],
    ],
    // A/AC.109/2019/L.18: "General Assembly resolutions 1514 (XV) of 14 December 1960".
    ['General Assembly resolutions 1514 (XV) of 14 December 1960', 'A/RES/1514(XV)', ['A/RES/1514(XV)']],
    // Headquarters agreement (ru): "Принято резолюцией 169 (II) Генеральной Ассамблеи".
    [
      'Принято резолюцией 169 (II) Генеральной Ассамблеи ООН от 31 октября 1947 года',
      'A/RES/169(II)',
      ['A/RES/169(II)'],
    ],
    // UNODC draft (zh): "特别回顾其2019年12月18日第74/175号决议".
    ['特别回顾其2019年12月18日第74/175号决议', 'A/RES/74/175', ['A/RES/74/175']],
    // Nothing citable: a short title and a date.
    ['the Global Compact', undefined, []],
    ['on 9/11 the meeting', undefined, []],
  ];
  test.each(cases)('%s', (text, key, keys) => {
    const reading = readSelection(text, find);
    expect(reading.key).toBe(key);
    expect(reading.keys).toEqual(keys);
  });
});

// What the index holds for A/RES/77/176 and A/RES/73/195 (a sample of real edges, placements as mined).
const recalls77176: TraceEdge[] = [
  { key: 'A/RES/217(III)', count: 2, placements: ['footnote'] },
  { key: 'A/RES/58/208', count: 1, placements: ['preamble'] },
  { key: 'A/RES/60/227', count: 1, placements: ['preamble'] },
  { key: 'A/RES/73/195', count: 1, placements: ['operative'] },
  { key: 'A/RES/76/266', count: 1, placements: ['operative'] },
  { key: 'A/RES/70/1', count: 3, placements: ['preamble', 'footnote'] },
  { key: 'E/2006/25', count: 1, placements: ['footnote'] },
  { key: 'UNTS I-30822', count: 2, placements: ['footnote'] },
  { key: 'CPD res 2006/2', count: 1, placements: [] },
];

describe('recalls', () => {
  test('grouped by where they first stand, in reading order; natural key order inside', () => {
    const groups = groupRecalls(recalls77176);
    expect(groups.map((g) => g.placement)).toEqual(['preamble', 'operative', 'footnote', 'other']);
    expect(groups[0]!.edges.map((e) => e.key)).toEqual(['A/RES/58/208', 'A/RES/60/227', 'A/RES/70/1']);
    expect(groups[2]!.edges.map((e) => e.key)).toEqual(['A/RES/217(III)', 'E/2006/25', 'UNTS I-30822']);
    // Every edge once.
    expect(groups.flatMap((g) => g.edges)).toHaveLength(recalls77176.length);
  });

  test('counts by placement: documents there, and citations when the edge stands in one place only', () => {
    const c = placementCounts(recalls77176);
    expect(c.preamble).toEqual({ documents: 3, citations: 3 });
    expect(c.operative).toEqual({ documents: 2, citations: 2 });
    expect(c.footnote).toEqual({ documents: 4, citations: 6 });
    expect(c.other).toEqual({ documents: 1, citations: 1 });
    expect(totalCitations(recalls77176)).toBe(13);
  });
});

describe('cited by', () => {
  test('most cited first, then newest first', () => {
    const edges: TraceEdge[] = [
      { key: 'A/RES/74/115', count: 1, placements: ['footnote'] },
      { key: 'A/RES/77/176', count: 1, placements: ['operative'] },
      { key: 'A/RES/75/226', count: 2, placements: ['operative'] },
      { key: 'A/RES/74/148', count: 1, placements: ['preamble', 'footnote'] },
    ];
    expect(orderCitedBy(edges).map((e) => e.key)).toEqual([
      'A/RES/75/226',
      'A/RES/77/176',
      'A/RES/74/148',
      'A/RES/74/115',
    ]);
  });

  test('natural order of keys', () => {
    expect(['A/RES/217(III)', 'A/RES/60/227', 'A/RES/58/208'].sort(compareKeys)).toEqual([
      'A/RES/58/208',
      'A/RES/60/227',
      'A/RES/217(III)',
    ]);
    expect(compareKeys('S/RES/242(1967)', 'S/RES/1325(2000)')).toBeLessThan(0);
  });
});

describe('series', () => {
  const series: SeriesRecord = {
    id: 'GA:international migration and development',
    title: 'International migration and development',
    keys: ['A/RES/67/219', 'A/RES/73/241', 'A/RES/75/226', 'A/RES/77/176', 'A/RES/79/217'],
  };
  test.each([
    ['A/RES/77/176', { index: 3, previous: 'A/RES/75/226', next: 'A/RES/79/217' }],
    ['A/RES/67/219', { index: 0, next: 'A/RES/73/241' }],
    ['A/RES/79/217', { index: 4, previous: 'A/RES/77/176' }],
    ['A/RES/73/195', { index: -1 }],
  ])('%s', (key, expected) => {
    expect(seriesPosition(series, key)).toEqual(expected);
  });
  test('no series', () => {
    expect(seriesPosition(undefined, 'A/RES/77/176')).toEqual({ index: -1 });
  });
});

describe('seriesFacts', () => {
  const series: SeriesRecord = {
    id: 'GA:international migration and development',
    title: 'International migration and development',
    keys: ['A/RES/58/208', 'A/RES/73/241', 'A/RES/79/217'],
  };
  const said = { title: 'international migration and development', date: '2003-12-23', ownTitle: false };
  test("a member known only from citing texts takes the series' title; its date stays", () => {
    const facts = seriesFacts(
      series,
      new Map([
        ['A/RES/58/208', { ...said, titleLang: 'en' as const }],
        [
          'A/RES/73/241',
          {
            title: 'International migration and development: a report',
            date: '2018-12-20',
            ownTitle: true,
            titleLang: 'en' as const,
          },
        ],
      ]),
      'en',
    );
    expect(facts.get('A/RES/58/208')).toEqual({
      title: 'International migration and development',
      date: '2003-12-23',
      ownTitle: false,
      titleLang: 'en',
    });
    // Its own title wins (it may say more than the series' subject).
    expect(facts.get('A/RES/73/241')?.title).toBe('International migration and development: a report');
    // Not looked up (yet): the series' title, no date.
    expect(facts.get('A/RES/79/217')).toEqual({ title: series.title, ownTitle: false, titleLang: 'en' });
  });
  test("in another language the members' own title in it names the others", () => {
    const own: RowFacts = { title: 'الهجرة الدولية والتنمية', ownTitle: true, titleLang: 'ar' };
    const facts = new Map<string, RowFacts>([
      ['A/RES/58/208', { ...said, titleLang: 'en' as const }],
      ['A/RES/73/241', own],
      ['A/RES/79/217', own],
    ]);
    expect(seriesTitle(series, facts, 'ar')).toBe('الهجرة الدولية والتنمية');
    expect(seriesFacts(series, facts, 'ar').get('A/RES/58/208')).toEqual({
      title: 'الهجرة الدولية والتنمية',
      date: '2003-12-23',
      ownTitle: false,
      titleLang: 'ar',
    });
    // An own title in English gives way to the series' title in Arabic for an Arabic reader.
    const withEnglish = new Map(facts).set('A/RES/58/208', {
      title: series.title,
      ownTitle: true,
      titleLang: 'en',
    });
    expect(seriesFacts(series, withEnglish, 'ar').get('A/RES/58/208')?.title).toBe('الهجرة الدولية والتنمية');
    // In English the index's series title.
    expect(seriesTitle(series, facts, 'en')).toBe(series.title);
  });
  test("a subject a text in the reader's language gave stays (the series' title is English)", () => {
    const ar = {
      title: 'الهجرة الدولية والتنمية',
      date: '2003-12-23',
      ownTitle: false,
      titleLang: 'ar' as const,
    };
    expect(seriesFacts(series, new Map([['A/RES/58/208', ar]]), 'ar').get('A/RES/58/208')).toEqual(ar);
    // An English subject for an Arabic reader: the series' title, properly written, rather than the phrase.
    const en = { ...said, titleLang: 'en' as const };
    expect(seriesFacts(series, new Map([['A/RES/58/208', en]]), 'ar').get('A/RES/58/208')?.title).toBe(
      series.title,
    );
  });
});
