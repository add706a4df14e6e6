/**
 * Card view model and citation formats, from keys of the seed resolution A/RES/77/176 and entries built from
 * rows of ../shared/data/combined (ga_resolutions_combined.csv, sc_resolutions_combined.csv).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { tEn } from '../../test/unit/i18n';
import { translator } from '../../test/unit/i18n-locale';
import type { Card, IndexEntry } from '../core/index/types';
import type { Kind } from '../core/mention';
import { romanToNumber as romanToInt } from '../core/roman';
import {
  bodyLabel,
  citationName,
  formatBibtex,
  formatCslJson,
  formatUnDate,
  formatUnStyle,
  localBodyName,
  localDate,
  localName,
} from './format';
import { describeKey, undocsUrl } from './key-info';
import { ordinal } from './session';
import { buildCardModel, type CardInput, ERROR_TEXT } from './view-model';

/** The card model with the English messages the extension ships. */
const model = (i: CardInput) => buildCardModel(i, tEn);

// Row A/RES/73/195 of ga_resolutions_combined.csv.
const res73195: IndexEntry = {
  key: 'A/RES/73/195',
  kind: 'resolution',
  body: 'GA',
  title: 'Global Compact for Safe, Orderly and Regular Migration',
  date: '2018-12-19',
  session: '73',
  meeting: 'A/73/PV.60',
  votes: { yes: 152, no: 5, abstain: 12, source: 'undl' },
  undlRecords: ['1656414'],
};
// Row 2334 of sc_resolutions_combined.csv.
const sc2334: IndexEntry = {
  key: 'S/RES/2334(2016)',
  kind: 'resolution',
  body: 'SC',
  title: 'Security Council resolution 2334 (2016) [on cessation of Israeli settlement activities]',
  date: '2016-12-23',
  meeting: 'S/PV.7853',
  votes: { yes: 14, no: 0, abstain: 1, source: 'cr-unsc' },
};

function card(entry: IndexEntry, known = true): Card {
  return {
    key: entry.key,
    kind: entry.kind,
    body: entry.body,
    known,
    entry,
    links: [{ label: 'undocs', url: undocsUrl(entry.key, 'en') }],
  };
}

function input(key: string, kind: Kind, over: Partial<CardInput> = {}): CardInput {
  return {
    key,
    kind,
    lookup: { status: 'loading' },
    occurrence: { index: 1, total: 1 },
    linkLang: 'en',
    pageLang: 'en',
    ...over,
  };
}

describe('describeKey: what a key tells on its own', () => {
  test.each([
    ['A/RES/58/208', 'resolution', { body: 'GA', number: '58/208', session: '58', years: [2003, 2004] }],
    ['A/RES/217(III)', 'resolution', { body: 'GA', number: '217 (III)', session: '3', years: [1948, 1949] }],
    ['A/RES/3201(S-VI)', 'resolution', { body: 'GA', number: '3201 (S-VI)', session: 'S-VI' }],
    ['A/RES/ES-11/1', 'resolution', { body: 'GA', number: 'ES-11/1', session: 'ES-11' }],
    ['S/RES/2334(2016)', 'resolution', { body: 'SC', number: '2334 (2016)', years: [2016] }],
    ['E/RES/2006/2', 'resolution', { body: 'ECOSOC', number: '2006/2', years: [2006] }],
    ['E/RES/1503(XLVIII)', 'resolution', { body: 'ECOSOC', number: '1503 (XLVIII)', session: '48' }],
    ['A/HRC/RES/48/13', 'resolution', { body: 'HRC', number: '48/13', session: '48', years: [2021] }],
    ['E/CN.4/RES/1996/85', 'resolution', { body: 'CHR', years: [1996] }],
    ['CPD res 2006/2', 'resolution', { body: 'other', bodyName: 'CPD', number: '2006/2', years: [2006] }],
    ['A/DEC/76/501', 'decision', { body: 'GA', number: '76/501', session: '76', years: [2021, 2022] }],
    ['E/DEC/2006/201', 'decision', { body: 'ECOSOC', number: '2006/201', years: [2006] }],
    ['UNFCCC dec 1/CP.21', 'decision', { body: 'UNFCCC', number: '1/CP.21', years: [2015] }],
    ['UNTS I-30822', 'treaty', { treaty: { series: 'UNTS', part: 'I', number: 30822 } }],
    ['LNTS 1234', 'treaty', { treaty: { series: 'LNTS', number: 1234 } }],
    ['Sales No. 95.XIII.18', 'sales', { sales: '95.XIII.18' }],
    [
      'A/77/445/Add.2',
      'document',
      { body: 'GA', session: '77', years: [2022, 2023], symbol: 'A/77/445/Add.2' },
    ],
    ['E/2006/25', 'document', { body: 'ECOSOC', years: [2006], symbol: 'E/2006/25' }],
    ['FCCC/CP/2015/10/Add.1', 'document', { symbol: 'FCCC/CP/2015/10/Add.1' }],
  ] as const)('%s', (key, kind, want) => {
    expect(describeKey(key, kind)).toMatchObject(want);
  });

  test('roman numerals of old-style sessions', () => {
    expect([romanToInt('III'), romanToInt('XV'), romanToInt('XLVIII'), romanToInt('XXIX')]).toEqual([
      3, 15, 48, 29,
    ]);
    expect(romanToInt('S')).toBeNaN();
  });
});

describe('citation formats', () => {
  const info = describeKey('A/RES/73/195', 'resolution');
  const data = {
    info,
    title: res73195.title!,
    date: res73195.date!,
    url: 'https://undocs.org/en/A/RES/73/195',
  };

  test('UN style for a GA resolution', () => {
    expect(formatUnStyle(data)).toBe(
      'General Assembly resolution 73/195 of 19 December 2018, entitled “Global Compact for Safe, Orderly and Regular Migration”',
    );
  });

  test('UN style keeps the part letter where UN texts put it', () => {
    expect(
      formatUnStyle({ info: describeKey('A/RES/217(III)', 'resolution'), part: 'A', date: '1948-12-10' }),
    ).toBe('General Assembly resolution 217 A (III) of 10 December 1948');
  });

  test('UN style for the Treaty Series and sales numbers (seed footnotes)', () => {
    expect(formatUnStyle({ info: describeKey('UNTS I-30822', 'treaty'), volume: 1771 })).toBe(
      'United Nations, Treaty Series, vol. 1771, No. 30822',
    );
    expect(formatUnStyle({ info: describeKey('Sales No. 95.XIII.18', 'sales') })).toBe(
      'United Nations publication, Sales No. 95.XIII.18',
    );
  });

  test('CSL-JSON carries the symbol, the date parts and the body as author', () => {
    const [item] = JSON.parse(formatCslJson(data)) as Record<string, unknown>[];
    expect(item).toMatchObject({
      id: 'A/RES/73/195',
      type: 'legislation',
      number: 'A/RES/73/195',
      issued: { 'date-parts': [[2018, 12, 19]] },
      author: [{ literal: 'United Nations General Assembly' }],
      URL: 'https://undocs.org/en/A/RES/73/195',
    });
  });

  test('BibTeX escapes special characters and keeps braces balanced', () => {
    const bib = formatBibtex({ ...data, title: 'Oceans & the law of the sea: 100% {draft}_x' });
    expect(bib.startsWith('@misc{A_RES_73_195,\n')).toBe(true);
    expect(bib).toContain('title = {{Oceans \\& the law of the sea: 100\\% \\{draft\\}\\_x}}');
    expect(bib).toContain('year = {2018}');
    expect(bib).toContain('month = dec');
    const depth = [...bib.replace(/\\[{}]/g, '')].reduce(
      (d, c) => d + (c === '{' ? 1 : c === '}' ? -1 : 0),
      0,
    );
    expect(depth).toBe(0);
  });

  test('dates in UN style', () => {
    expect(formatUnDate('2005-12-23')).toBe('23 December 2005');
    expect(formatUnDate('2019-04')).toBe('April 2019');
    expect(formatUnDate('nonsense')).toBeUndefined();
  });
});

describe('buildCardModel', () => {
  test('a known GA resolution: title, date, session, vote, meeting, links, citation', () => {
    const m = model(
      input('A/RES/73/195', 'resolution', {
        lookup: { status: 'ok', card: card(res73195) },
        occurrence: { index: 2, total: 3 },
      }),
    );
    expect(m.status).toBe('known');
    expect(m.heading).toBe('General Assembly resolution 73/195');
    expect(m.title).toBe('Global Compact for Safe, Orderly and Regular Migration');
    expect(m.facts).toEqual(
      expect.arrayContaining([
        { label: 'Date', value: '19 December 2018' },
        { label: 'Session', value: '73rd session (2018–2019)' },
        { label: 'Adoption', value: 'Recorded vote: 152 in favour, 5 against, 12 abstentions' },
      ]),
    );
    expect(m.links[0]).toEqual({ label: 'Document (undocs.org)', url: 'https://undocs.org/en/A/RES/73/195' });
    // The meeting record is a link to the record, labelled by what it is.
    expect(m.links).toContainEqual({
      label: 'Meeting record A/73/PV.60',
      url: 'https://undocs.org/en/A/73/PV.60',
    });
    expect(m.occurrence).toEqual({ index: 2, total: 3 });
    expect(m.notice).toBeUndefined();
  });

  test('a Security Council resolution shows its year, not a GA session', () => {
    const m = model(
      input('S/RES/2334(2016)', 'resolution', { lookup: { status: 'ok', card: card(sc2334) } }),
    );
    expect(m.heading).toBe('Security Council resolution 2334 (2016)');
    expect(m.facts).toContainEqual({ label: 'Session', value: '2016' });
    expect(m.facts).toContainEqual({
      label: 'Adoption',
      value: 'Recorded vote: 14 in favour, 0 against, 1 abstention',
    });
  });

  test('an unknown key still tells body, session, years, the cited date and links', () => {
    // "its resolution 60/206 of 22 December 2005" (seed A/RES/77/176) with an index that lacks it.
    const m = model(
      input('A/RES/60/206', 'resolution', {
        date: '2005-12-22',
        lookup: {
          status: 'ok',
          card: {
            key: 'A/RES/60/206',
            kind: 'resolution',
            body: 'GA',
            known: false,
            entry: undefined,
            links: [],
          },
        },
      }),
    );
    expect(m.status).toBe('derived');
    expect(m.notice).toMatch(/not in the bundled index/i);
    expect(m.facts).toEqual([
      { label: 'Body', value: 'General Assembly' },
      { label: 'Date (as cited)', value: '22 December 2005' },
      { label: 'Session', value: '60th session (2005–2006)' },
    ]);
    expect(m.links.map((l) => l.url)).toEqual([
      'https://undocs.org/en/A/RES/60/206',
      'https://digitallibrary.un.org/search?p=A%2FRES%2F60%2F206',
    ]);
    expect(m.citation.un).toBe('General Assembly resolution 60/206 of 22 December 2005');
  });

  test('a worker that is down gives a clear message and a still useful card', () => {
    const m = model(
      input('CPD res 2006/2', 'resolution', {
        lookup: {
          status: 'error',
          error: { code: 'no-receiver', message: 'Could not establish connection' },
        },
      }),
    );
    expect(m.status).toBe('error');
    expect(m.notice).toMatch(/not responding/);
    expect(m.heading).toBe('CPD resolution 2006/2');
    expect(m.facts).toContainEqual({ label: 'Session', value: '2006' });
    expect(m.links.length).toBeGreaterThan(0);
  });

  test('an index that failed to load is named as such', () => {
    const m = model(
      input('A/77/236', 'document', {
        lookup: { status: 'error', error: { code: 'index-unavailable', message: 'x' } },
      }),
    );
    expect(m.notice).toMatch(/index could not be loaded/);
    expect(m.links[0]?.url).toBe('https://undocs.org/en/A/77/236');
  });

  test('an instrument is headed by its name and says what it is', () => {
    const m = model(
      input('A/RES/217(III)', 'instrument', {
        surface: 'Universal Declaration of Human Rights',
        lookup: { status: 'loading' },
      }),
    );
    expect(m.heading).toBe('Universal Declaration of Human Rights');
    expect(m.facts[0]).toEqual({ label: 'Instrument', value: 'General Assembly resolution 217 (III)' });
    expect(m.kindLabel).toBe('Instrument');
  });

  test('a treaty with its volume links the volume', () => {
    const m = model(input('UNTS I-30822', 'treaty', { volume: 1771, lookup: { status: 'loading' } }));
    expect(m.heading).toBe('United Nations, Treaty Series, No. 30822');
    expect(m.links[0]?.url).toBe('https://treaties.un.org/doc/Publication/UNTS/Volume%201771/v1771.pdf');
    expect(m.citation.un).toBe('United Nations, Treaty Series, vol. 1771, No. 30822');
  });

  test('Arabic pages get right-to-left cards and links in the chosen language', () => {
    const m = model(input('A/RES/73/195', 'resolution', { pageLang: 'ar', linkLang: 'ar' }));
    expect(m.dir).toBe('rtl');
    expect(m.links[0]?.url).toBe('https://undocs.org/ar/A/RES/73/195');
  });

  test("a title in the card's language is preferred", () => {
    const entry = {
      ...res73195,
      titles: { fr: 'Pacte mondial pour des migrations sûres, ordonnées et régulières' },
    };
    const m = model(
      input('A/RES/73/195', 'resolution', { cardLang: 'fr', lookup: { status: 'ok', card: card(entry) } }),
    );
    expect(m.title).toBe('Pacte mondial pour des migrations sûres, ordonnées et régulières');
    expect(m.lang).toBe('fr');
  });

  test('every lookup error has an English message (a forgotten one would show its key)', () => {
    for (const [code, name] of Object.entries(ERROR_TEXT)) {
      const m = model(
        input('A/77/236', 'document', {
          lookup: { status: 'error', error: { code: code as keyof typeof ERROR_TEXT, message: 'x' } },
        }),
      );
      expect(m.notice).toBe(tEn(name));
      expect(m.notice).not.toMatch(/^card[A-Z]/);
    }
  });

  // Regular GA session numbers: 1 (A/RES/1(I)), 3 (A/RES/217(III)), 11–13, 21–23, 73 (A/RES/73/195), 80.
  const SESSIONS = [1, 2, 3, 11, 12, 13, 21, 22, 23, 73, 80, 101];
  test.each([
    ['en', ['1st', '2nd', '3rd', '11th', '12th', '13th', '21st', '22nd', '23rd', '73rd', '80th', '101st']],
    ['fr', ['1re', '2e', '3e', '11e', '12e', '13e', '21e', '22e', '23e', '73e', '80e', '101e']],
    // "primer/tercer período", "vigésimo primer", "septuagésimo tercer": the apocopated forms take ".er".
    [
      'es',
      ['1.er', '2.º', '3.er', '11.º', '12.º', '13.º', '21.er', '22.º', '23.er', '73.er', '80.º', '101.er'],
    ],
    ['ru', SESSIONS.map((n) => `${n}-я`)],
    ['zh_CN', SESSIONS.map((n) => `第${n}届`)],
    ['ar', SESSIONS.map(String)],
  ] as const)('ordinal of a session in %s', (locale, expected) => {
    const t = translator(locale);
    expect(SESSIONS.map((n) => ordinal(n, t))).toEqual(expected);
  });

  test.each([
    ['en', 'Session', '73rd session (2018–2019)', 'Recorded vote: 152 in favour, 5 against, 12 abstentions'],
    [
      'fr',
      'Session',
      '73e session (2018–2019)',
      'Vote enregistré\u00a0: 152 voix pour, 5 voix contre et 12 abstentions',
    ],
    [
      'es',
      'Período de sesiones',
      '73.er período de sesiones (2018–2019)',
      'Votación registrada: 152 votos a favor, 5 en contra y 12 abstenciones',
    ],
    [
      'ru',
      'Сессия',
      '73-я сессия (2018–2019)',
      'Заносимое в отчет о заседании голосование: за — 152, против — 5, воздержались — 12',
    ],
    ['zh_CN', '届会', '第73届会议（2018–2019年）', '记录表决：152票赞成，5票反对，12票弃权'],
    [
      'ar',
      'الدورة',
      'الدورة 73 (2018–2019)',
      'تصويت مسجل: المؤيدون 152، المعارضون 5، الممتنعون عن التصويت 12',
    ],
  ] as const)('the session and vote of A/RES/73/195 read naturally in %s', (locale, label, session, vote) => {
    const t = translator(locale);
    const m = buildCardModel(
      input('A/RES/73/195', 'resolution', { lookup: { status: 'ok', card: card(res73195) } }),
      t,
    );
    expect(m.facts).toContainEqual({ label, value: session });
    expect(m.facts).toContainEqual({ label: t('cardFactAdoption'), value: vote });
    // No message name leaks as text when a whole card is built in this locale.
    for (const f of m.facts) expect(`${f.label} ${f.value}`).not.toMatch(/\bcard[A-Z]\w+/);
  });

  test.each([
    ['en', 'Without a vote'],
    ['fr', 'Sans vote'],
    ['ar', 'دون تصويت'],
  ] as const)('adopted without a vote reads in %s (the index has the English words)', (locale, value) => {
    const t = translator(locale);
    const entry: IndexEntry = { ...res73195, votes: undefined, adoption: 'Without a vote' };
    const m = buildCardModel(
      input('A/RES/73/195', 'resolution', { lookup: { status: 'ok', card: card(entry) } }),
      t,
    );
    expect(m.facts).toContainEqual({ label: t('cardFactAdoption'), value });
  });
});

/**
 * What the card DISPLAYS reads in the UI language (headings, Body and Date facts), in the forms the UN texts of
 * ../shared/data/unxml-akn4un use ("résolution 70/1 de l’Assemblée générale", "резолюции … Генеральной Ассамблеи",
 * "大会第…号决议", "قرار الجمعية العامة …", "25 أيلول/سبتمبر 2015", "1er avril 2022"); the copy formats stay English.
 */
describe('the card in the UI language', () => {
  // Keys cited in the seed resolution A/RES/77/176 and the dev corpus: GA, SC, ECOSOC, HRC, UNFCCC, old-style.
  const KEYS = [
    ['A/RES/73/195', 'resolution'],
    ['S/RES/2334(2016)', 'resolution'],
    ['E/RES/2006/2', 'resolution'],
    ['A/HRC/RES/48/13', 'resolution'],
    ['A/DEC/76/501', 'decision'],
    ['E/DEC/2006/201', 'decision'],
    ['UNFCCC dec 1/CP.21', 'decision'],
    ['A/77/445/Add.2', 'document'],
    ['UNTS I-30822', 'treaty'],
    ['Sales No. 95.XIII.18', 'sales'],
  ] as const;

  test.each([
    [
      'en',
      [
        'General Assembly resolution 73/195',
        'Security Council resolution 2334 (2016)',
        'Economic and Social Council resolution 2006/2',
        'Human Rights Council resolution 48/13',
        'General Assembly decision 76/501',
        'Economic and Social Council decision 2006/201',
        'COP decision 1/CP.21',
        'A/77/445/Add.2',
        'United Nations, Treaty Series, No. 30822',
        'Sales No. 95.XIII.18',
      ],
    ],
    [
      'fr',
      [
        'Résolution 73/195 de l’Assemblée générale',
        'Résolution 2334 (2016) du Conseil de sécurité',
        'Résolution 2006/2 du Conseil économique et social',
        'Résolution 48/13 du Conseil des droits de l’homme',
        'Décision 76/501 de l’Assemblée générale',
        'Décision 2006/201 du Conseil économique et social',
        'Décision 1/CP.21 de la Conférence des Parties (CCNUCC)',
        'A/77/445/Add.2',
        'Nations Unies, Recueil des Traités, no 30822',
        'Numéro de vente\u00a0: 95.XIII.18',
      ],
    ],
    [
      'es',
      [
        'Resolución 73/195 de la Asamblea General',
        'Resolución 2334 (2016) del Consejo de Seguridad',
        'Resolución 2006/2 del Consejo Económico y Social',
        'Resolución 48/13 del Consejo de Derechos Humanos',
        'Decisión 76/501 de la Asamblea General',
        'Decisión 2006/201 del Consejo Económico y Social',
        'Decisión 1/CP.21 de la Conferencia de las Partes (CMNUCC)',
        'A/77/445/Add.2',
        'Naciones Unidas, Treaty Series, núm. 30822',
        'Núm. de venta: 95.XIII.18',
      ],
    ],
    [
      'ru',
      [
        'Резолюция 73/195 Генеральной Ассамблеи',
        'Резолюция 2334 (2016) Совета Безопасности',
        'Резолюция 2006/2 Экономического и Социального Совета',
        'Резолюция 48/13 Совета по правам человека',
        'Решение 76/501 Генеральной Ассамблеи',
        'Решение 2006/201 Экономического и Социального Совета',
        'Решение 1/CP.21 Конференции Сторон (РКИКООН)',
        'A/77/445/Add.2',
        'Организация Объединенных Наций, Сборник договоров, № 30822',
        'В продаже под № 95.XIII.18',
      ],
    ],
    [
      'zh_CN',
      [
        '大会第73/195号决议',
        '安全理事会第2334(2016)号决议',
        '经济及社会理事会第2006/2号决议',
        '人权理事会第48/13号决议',
        '大会第76/501号决定',
        '经济及社会理事会第2006/201号决定',
        '《气候公约》缔约方大会第1/CP.21号决定',
        'A/77/445/Add.2',
        '联合国，《条约汇编》，第30822号',
        '出售品编号：95.XIII.18',
      ],
    ],
    [
      'ar',
      [
        'قرار الجمعية العامة 73/195',
        'قرار مجلس الأمن 2334 (2016)',
        'قرار المجلس الاقتصادي والاجتماعي 2006/2',
        'قرار مجلس حقوق الإنسان 48/13',
        'مقرر الجمعية العامة 76/501',
        'مقرر المجلس الاقتصادي والاجتماعي 2006/201',
        'مقرر مؤتمر الأطراف (الاتفاقية الإطارية بشأن تغير المناخ) 1/CP.21',
        'A/77/445/Add.2',
        'الأمم المتحدة، مجموعة المعاهدات، الرقم 30822',
        'رقم المبيع 95.XIII.18',
      ],
    ],
  ] as const)('headings in %s', (locale, expected) => {
    const t = translator(locale);
    const headings = KEYS.map(
      ([key, kind]) => buildCardModel(input(key, kind, { lookup: { status: 'loading' } }), t).heading,
    );
    expect(headings).toEqual(expected);
  });

  test.each([
    [
      'en',
      'General Assembly resolution 217 A (III)',
      'CPD resolution 2006/2',
      'resolution 12/1',
      'CMA decision 1/CMA.1',
    ],
    [
      'fr',
      'Résolution 217 A (III) de l’Assemblée générale',
      'Résolution 2006/2 (CPD)',
      'Résolution 12/1',
      'Décision 1/CMA.1 de la CMA (Accord de Paris)',
    ],
    [
      'es',
      'Resolución 217 A (III) de la Asamblea General',
      'Resolución 2006/2 (CPD)',
      'Resolución 12/1',
      'Decisión 1/CMA.1 de la CP/RA (Acuerdo de París)',
    ],
    [
      'ru',
      'Резолюция 217 A (III) Генеральной Ассамблеи',
      'Резолюция 2006/2 (CPD)',
      'Резолюция 12/1',
      'Решение 1/CMA.1 КС/СПС (Парижское соглашение)',
    ],
    [
      'zh_CN',
      '大会第217 A(III)号决议',
      'CPD第2006/2号决议',
      '第12/1号决议',
      '《巴黎协定》缔约方会议第1/CMA.1号决定',
    ],
    [
      'ar',
      'قرار الجمعية العامة 217 A (III)',
      'قرار CPD 2006/2',
      'القرار 12/1',
      'مقرر مؤتمر الأطراف العامل بوصفه اجتماع الأطراف في اتفاق باريس 1/CMA.1',
    ],
  ] as const)(
    'part letters, acronym bodies, bodiless numbers and UNFCCC bodies in %s',
    (locale, part, acronym, bare, cma) => {
      const t = translator(locale);
      expect(localName(describeKey('A/RES/217(III)', 'resolution'), t, 'A')).toBe(part);
      expect(localName(describeKey('CPD res 2006/2', 'resolution'), t)).toBe(acronym);
      expect(localName({ key: 'x', kind: 'resolution', number: '12/1' }, t)).toBe(bare);
      expect(localName(describeKey('UNFCCC dec 1/CMA.1', 'decision'), t)).toBe(cma);
    },
  );

  test.each([
    ['en', 'General Assembly', ['19 December 2018', '1 January 2019', 'April 2019', '2018']],
    ['fr', 'Assemblée générale', ['19 décembre 2018', '1er janvier 2019', 'avril 2019', '2018']],
    ['es', 'Asamblea General', ['19 de diciembre de 2018', '1 de enero de 2019', 'abril de 2019', '2018']],
    [
      'ru',
      'Генеральная Ассамблея',
      ['19 декабря 2018 года', '1 января 2019 года', 'апрель 2019 года', '2018 год'],
    ],
    ['zh_CN', '大会', ['2018年12月19日', '2019年1月1日', '2019年4月', '2018年']],
    [
      'ar',
      'الجمعية العامة',
      ['19 كانون الأول/ديسمبر 2018', '1 كانون الثاني/يناير 2019', 'نيسان/أبريل 2019', '2018'],
    ],
  ] as const)('Body and Date facts in %s', (locale, body, dates) => {
    const t = translator(locale);
    expect(['2018-12-19', '2019-01-01', '2019-04', '2018'].map((d) => localDate(d, t))).toEqual(dates);
    const m = buildCardModel(
      input('A/RES/73/195', 'resolution', { lookup: { status: 'ok', card: card(res73195) } }),
      t,
    );
    expect(m.facts).toContainEqual({ label: t('cardFactBody'), value: body });
    expect(m.facts).toContainEqual({ label: t('cardFactDate'), value: dates[0] });
    // The copy formats are English citation styles whatever the UI language.
    expect(m.citation).toEqual(
      buildCardModel(
        input('A/RES/73/195', 'resolution', { lookup: { status: 'ok', card: card(res73195) } }),
        tEn,
      ).citation,
    );
  });

  test('an instrument naming a resolution says so in the UI language', () => {
    const m = buildCardModel(
      input('A/RES/217(III)', 'instrument', { surface: 'Déclaration universelle des droits de l’homme' }),
      translator('fr'),
    );
    expect(m.heading).toBe('Déclaration universelle des droits de l’homme');
    expect(m.facts[0]).toEqual({
      label: 'Instrument',
      value: 'Résolution 217 (III) de l’Assemblée générale',
    });
  });

  test('the English display equals the English citation names and UN-style dates', () => {
    const keys: (readonly [string, Kind, string?])[] = [
      ...KEYS,
      ['A/RES/217(III)', 'resolution', 'A'],
      ['A/RES/1514(XV)', 'resolution'],
      ['A/RES/ES-11/1', 'resolution'],
      ['E/CN.4/RES/1996/85', 'resolution'],
      ['CPD res 2006/2', 'resolution'],
      ['LNTS 1234', 'treaty'],
      ['UNFCCC dec 2/CMP.1', 'decision'],
      ['UNTS II-965', 'treaty'],
      ['MTDSG IV-4', 'treaty'],
      ['instrument:Charter of the United Nations', 'instrument'],
    ];
    for (const [key, kind, part] of keys) {
      const info = describeKey(key, kind);
      expect(localName(info, tEn, part), key).toBe(citationName(info, part));
      expect(localBodyName(info, tEn), key).toBe(bodyLabel(info));
    }
    fc.assert(
      fc.property(
        fc.integer({ min: 1945, max: 2099 }),
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 0, max: 32 }),
        fc.constantFrom(1, 2, 3),
        (y, mo, d, n) => {
          const pad = (x: number) => String(x).padStart(2, '0');
          const iso = [String(y), pad(mo), pad(d)].slice(0, n).join('-');
          expect(localDate(iso, tEn)).toBe(formatUnDate(iso));
        },
      ),
    );
    expect(localDate('nonsense', tEn)).toBeUndefined();
  });
});
