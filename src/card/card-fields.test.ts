/**
 * The card's fields on real entries: the index built from the committed data/ and looked up as the worker does,
 * then the card a reader sees (session, agenda item, record links, subject, copy formats). The sweeps hold every
 * stored key to the same rules, so a new row the rules do not fit fails here before a reader meets it.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { tEn } from '../../test/unit/i18n';
import { translator } from '../../test/unit/i18n-locale';
import { openRealIndex, type RealIndex } from '../../test/unit/real-index';
import type { Lang } from '../core/mention';
import type { Translate } from './format';
import { buildCardModel, type CardModel } from './view-model';

let real: RealIndex;
beforeAll(async () => {
  real = await openRealIndex();
}, 120_000);

/** The card of `key` as the content script builds it from the worker's answer. */
async function cardOf(key: string, t: Translate = tEn, linkLang: Lang = 'en'): Promise<CardModel> {
  const card = await real.index.lookup(key, linkLang);
  return buildCardModel(
    {
      key: card.key,
      kind: card.kind,
      lookup: { status: 'ok', card },
      occurrence: { index: 1, total: 1 },
      linkLang,
      pageLang: linkLang,
    },
    t,
  );
}

const fact = (m: CardModel, label: string) => m.facts.filter((f) => f.label === label).map((f) => f.value);

describe('the session, as the UN writes it', () => {
  test.each([
    ['A/RES/73/195', '73rd session (2018–2019)'],
    ['A/RES/77/176', '77th session (2022–2023)'],
    ['A/RES/217(III)', '3rd session (1948–1949)'],
    ['A/RES/1(I)', '1st session (1946)'],
    ['A/RES/ES-10/19', '10th emergency special session'],
    ['A/RES/S-9/2', '9th special session'],
    ['A/DEC/76/402', '76th session (2021–2022)'],
    ['S/RES/2334(2016)', '2016'],
    ['S/RES/500(1982)', '1982'],
    ['E/RES/2021/2', '2021'],
    ['A/HRC/RES/52/2', '52nd session'],
  ])('%s: %s', async (key, session) => {
    expect(fact(await cardOf(key), 'Session')).toEqual([session]);
  });

  test.each([
    ['fr', 'A/RES/ES-10/19', '10e session extraordinaire d’urgence'],
    ['es', 'A/RES/S-9/2', '9.º período extraordinario de sesiones'],
    ['ru', 'A/RES/ES-10/19', '10-я чрезвычайная специальная сессия'],
    ['zh_CN', 'A/RES/ES-10/19', '第10届紧急特别会议'],
    ['ar', 'A/RES/ES-10/19', 'الدورة الاستثنائية الطارئة 10'],
    ['fr', 'S/RES/2334(2016)', '2016'],
  ] as const)('in %s, %s: %s', async (locale, key, session) => {
    const t = translator(locale);
    expect(fact(await cardOf(key, t), t('cardFactSession'))).toEqual([session]);
  });
});

describe('the agenda item, as its number and title', () => {
  test('A/RES/73/195 lists items 14 and 119 of A/73/251, without the catalogue headings', async () => {
    const m = await cardOf('A/RES/73/195');
    expect(fact(m, 'Agenda item')).toEqual([
      'Item 14: Integrated and coordinated implementation of and follow-up to the outcomes of the major United Nations …',
      'Item 119: Follow-up to the outcome of the Millennium Summit',
    ]);
    expect(m.links).toContainEqual({ label: 'Agenda A/73/251', url: 'https://undocs.org/en/A/73/251' });
  });

  test('a number alone (official metadata) and the French words', async () => {
    expect(fact(await cardOf('A/RES/77/176'), 'Agenda item')).toEqual(['Item 20 (b)']);
    const fr = translator('fr');
    expect(fact(await cardOf('A/RES/ES-10/19', fr), fr('cardFactAgendaItem'))).toEqual([
      'Point 5\u00a0: Illegal Israeli actions in occupied East Jerusalem and the rest of the Occupied Palestinian Territory',
    ]);
  });
});

describe('meeting records, drafts and reports are links', () => {
  test('A/RES/73/195: the meeting record, in the link language', async () => {
    expect((await cardOf('A/RES/73/195')).links).toContainEqual({
      label: 'Meeting record A/73/PV.60',
      url: 'https://undocs.org/en/A/73/PV.60',
    });
    const fr = translator('fr');
    const m = await cardOf('A/RES/73/195', fr, 'fr');
    expect(m.links).toContainEqual({
      label: 'Procès-verbal de séance A/73/PV.60',
      url: 'https://undocs.org/fr/A/73/PV.60',
    });
    // Shown as a link, not repeated as plain text.
    expect(m.facts.map((f) => f.value)).not.toContain('A/73/PV.60');
  });

  test('a draft, a draft recommended in a report, and committee reports', async () => {
    expect((await cardOf('A/RES/75/1')).links).toContainEqual({
      label: 'Draft A/75/L.1',
      url: 'https://undocs.org/en/A/75/L.1',
    });
    expect((await cardOf('A/RES/77/176')).links).toContainEqual({
      label: 'Draft A/77/445/Add.2, para. 8',
      url: 'https://undocs.org/en/A/77/445/Add.2',
    });
    const udhr = await cardOf('A/RES/217(III)');
    expect(udhr.links.filter((l) => l.label.startsWith('Report '))).toEqual([
      { label: 'Report A/777', url: 'https://undocs.org/en/A/777' },
      { label: 'Report A/778/Rev.1', url: 'https://undocs.org/en/A/778/Rev.1' },
    ]);
    expect((await cardOf('A/HRC/RES/52/2')).links).toContainEqual({
      label: 'Draft A/HRC/52/L.38',
      url: 'https://undocs.org/en/A/HRC/52/L.38',
    });
  });

  test('a meeting named in words stays a fact', async () => {
    expect(fact(await cardOf('A/HRC/RES/52/2'), 'Meeting')).toEqual(['55th meeting']);
  });
});

describe('links, each once', () => {
  test('the Universal Declaration (five part records) has one Digital Library link', async () => {
    const m = await cardOf('A/RES/217(III)');
    const library = m.links.filter((l) => l.url.startsWith('https://digitallibrary.un.org/'));
    expect(library).toEqual([
      {
        label: 'UN Digital Library (all parts)',
        url: 'https://digitallibrary.un.org/search?p=A%2FRES%2F217(III)',
      },
    ]);
  });

  test('a Security Council resolution: its record and its voting record, told apart', async () => {
    const m = await cardOf('S/RES/2334(2016)');
    expect(m.links.filter((l) => l.url.startsWith('https://digitallibrary.un.org/'))).toEqual([
      { label: 'UN Digital Library', url: 'https://digitallibrary.un.org/record/853446' },
      { label: 'Voting record (UN Digital Library)', url: 'https://digitallibrary.un.org/record/853517' },
    ]);
  });
});

describe('a library description is a subject, never a title', () => {
  test('S/RES/2334(2016): labelled a subject, and no copy format cites it as the title', async () => {
    const m = await cardOf('S/RES/2334(2016)');
    const description =
      'On cessation of Israeli settlement activities in the Occupied Palestinian Territory, including East Jerusalem';
    expect(m.title).toBeUndefined();
    expect(fact(m, 'Subject (as catalogued)')).toEqual([description]);
    expect(m.citation.un).toBe('Security Council resolution 2334 (2016) of 23 December 2016');
    expect(JSON.parse(m.citation.csl)[0].title).toBe('Security Council resolution 2334 (2016)');
    expect(m.citation.bibtex).toContain('title = {{Security Council resolution 2334 (2016)}}');
    for (const copy of Object.values(m.citation)) expect(copy).not.toContain('cessation');
  });

  test('a subject heading in capitals (A/RES/2762(XXVI), "SECURITY OF MISSIONS") is a subject too', async () => {
    const m = await cardOf('A/RES/2762(XXVI)');
    expect(m.title).toBeUndefined();
    expect(fact(m, 'Subject (as catalogued)')).toEqual(['SECURITY OF MISSIONS']);
    expect(m.citation.un).not.toContain('SECURITY');
  });

  test('a catalogue title reads as English writes it (A/RES/217(III): "…Rights: Universal…")', async () => {
    const m = await cardOf('A/RES/217(III)');
    expect(m.title).toBe('International Bill of Human Rights: Universal Declaration of Human Rights');
    expect(m.citation.un).toContain('entitled “International Bill of Human Rights: Universal Declaration');
  });

  test('an official title stays the title', async () => {
    const m = await cardOf('A/RES/73/195');
    expect(m.title).toBe('Global Compact for Safe, Orderly and Regular Migration');
    expect(fact(m, 'Subject (as catalogued)')).toEqual([]);
  });
});

describe('every stored key', () => {
  test('keeps the rules: sessions, agenda items, links, subjects, no internal key', async () => {
    const broken: string[] = [];
    let sc = 0;
    for (const key of real.keys) {
      const m = await cardOf(key);
      const urls = m.links.map((l) => l.url);
      const labels = m.links.map((l) => l.label);
      if (new Set(urls).size !== urls.length) broken.push(`${key}: a link twice`);
      if (new Set(labels).size !== labels.length) broken.push(`${key}: two links one label`);
      for (const f of m.facts) {
        if (f.label === 'Session' && /(\d{4})–\1/.test(f.value)) broken.push(`${key}: session ${f.value}`);
        // A catalogue line: " | ", a leading agenda symbol, or a UNBIS heading ("UN CONFERENCES").
        if (
          f.label === 'Agenda item' &&
          (f.value.includes('|') ||
            /^[A-Z]+\/\S* /.test(f.value) ||
            /\b[A-Z]{3,}(?:[ -]+[A-Z]{3,})+\b/.test(f.value))
        )
          broken.push(`${key}: agenda ${f.value}`);
        if (/^(?:Meeting|Draft|Report)$/.test(f.label) && /^[A-Z]+\/\S*\d/.test(f.value))
          broken.push(`${key}: ${f.label} ${f.value} as text`);
      }
      const shown = [m.heading, m.title ?? '', ...m.facts.flatMap((f) => [f.label, f.value]), ...labels];
      if (shown.some((s) => /\binstrument:/.test(s))) broken.push(`${key}: internal key shown`);
      if (key.startsWith('S/RES/')) {
        sc++;
        if (m.title) broken.push(`${key}: library description as title`);
        if (/entitled/.test(m.citation.un)) broken.push(`${key}: copied as entitled`);
      }
    }
    expect(real.keys.length).toBeGreaterThan(20_000);
    expect(sc).toBeGreaterThan(2_700);
    expect(broken).toEqual([]);
  }, 120_000);
});
