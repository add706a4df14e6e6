/**
 * The card speaks its own language (settings `cardLang`, by default the page's): its labels come from that
 * language's messages, its title from the index's title in that language, and what the index has only in
 * English is marked as English. The entry is A/RES/73/195 with its French and Arabic titles as
 * data/gazetteer/seed.json gives them.
 */
import { describe, expect, test } from 'vitest';
import { localeMessages, translator } from '../../test/unit/i18n-locale';
import type { Card, IndexEntry } from '../core/index/types';
import type { Lang } from '../core/mention';
import { LOCALE_FOLDER, messageTable, tableTranslator } from '../shared/messages';
import { buildCardModel, type CardInput } from './view-model';

const res73195: IndexEntry = {
  key: 'A/RES/73/195',
  kind: 'resolution',
  body: 'GA',
  title: 'Global Compact for Safe, Orderly and Regular Migration',
  titles: {
    fr: 'Pacte mondial pour des migrations sûres, ordonnées et régulières',
    ar: 'الاتفاق العالمي من أجل الهجرة الآمنة والمنظمة والنظامية',
  },
  date: '2018-12-19',
  session: '73',
  adoption: 'Adopted by recorded vote | 60th plenary meeting',
};

const card = (entry: IndexEntry): Card => ({
  key: entry.key,
  kind: entry.kind,
  body: entry.body,
  known: true,
  entry,
  links: [],
});

function cardIn(cardLang: Lang, pageLang: Lang, entry: IndexEntry = res73195) {
  const input: CardInput = {
    key: entry.key,
    kind: 'resolution',
    lookup: { status: 'ok', card: card(entry) },
    occurrence: { index: 1, total: 2 },
    linkLang: 'en',
    pageLang,
    cardLang,
  };
  const folder = LOCALE_FOLDER[cardLang] as Parameters<typeof translator>[0];
  return buildCardModel(input, translator(folder));
}

describe('the card in its own language', () => {
  test('an Arabic card on an English page: Arabic title and labels, right to left', () => {
    const m = cardIn('ar', 'en');
    expect(m.dir).toBe('rtl');
    expect(m.lang).toBe('ar');
    expect(m.title).toBe(res73195.titles?.ar);
    expect(m.titleLang).toBeUndefined();
    const ar = translator('ar');
    expect(m.kindLabel).toBe(ar('cardKindResolution'));
    expect(m.facts.map((f) => f.label)).toContain(ar('cardFactDate'));
    expect(m.heading).toMatch(/[\u0600-\u06FF]/);
  });

  test('an English card on an Arabic page reads left to right', () => {
    const m = cardIn('en', 'ar');
    expect(m.dir).toBe('ltr');
    expect(m.lang).toBe('en');
    expect(m.title).toBe(res73195.title);
    expect(m.titleLang).toBeUndefined();
  });

  test('a title the index has only in English is marked English in a Spanish card', () => {
    const m = cardIn('es', 'es');
    expect(m.title).toBe(res73195.title);
    expect(m.titleLang).toBe('en');
    expect(m.kindLabel).toBe(translator('es')('cardKindResolution'));
  });

  test("the source's English adoption words are marked English, the card's own words are not", () => {
    const fr = cardIn('fr', 'fr');
    const adoption = fr.facts.find((f) => f.label === translator('fr')('cardFactAdoption'));
    expect(adoption).toEqual({
      label: translator('fr')('cardFactAdoption'),
      value: 'Adopted by recorded vote',
      lang: 'en',
    });
    expect(fr.facts.filter((f) => f.lang)).toHaveLength(1);
    expect(cardIn('en', 'en').facts.some((f) => f.lang)).toBe(false);
  });

  test('a card language defaults to the page language', () => {
    const m = buildCardModel(
      {
        key: res73195.key,
        kind: 'resolution',
        lookup: { status: 'ok', card: card(res73195) },
        occurrence: { index: 1, total: 1 },
        linkLang: 'en',
        pageLang: 'fr',
      },
      translator('fr'),
    );
    expect(m.lang).toBe('fr');
    expect(m.title).toBe(res73195.titles?.fr);
  });
});

describe('message tables', () => {
  test("a table translates as the browser does, with the page's substitutions and plural forms", () => {
    const ar = tableTranslator(messageTable(localeMessages('ar')));
    expect(ar('cardPosition', ['1', '2'])).toBe('1 من 2');
    expect(ar('cardCited_two', ['2'])).toBe(translator('ar')('cardCited_two', ['2']));
    // "$$" is a dollar sign; an unknown name falls back, then shows itself.
    expect(tableTranslator({ x: { message: 'a $$ b' } })('x')).toBe('a $ b');
    expect(tableTranslator({}, () => 'fallback')('nope')).toBe('fallback');
    expect(tableTranslator({})('nope')).toBe('nope');
  });

  test('a table keeps only what translating needs (no translator notes shipped to a page)', () => {
    const table = messageTable(localeMessages('fr'));
    expect(Object.keys(table).length).toBe(Object.keys(localeMessages('fr')).length);
    for (const m of Object.values(table)) expect(Object.keys(m).every((k) => k !== 'description')).toBe(true);
    // Names like Object.prototype members are plain names.
    expect(tableTranslator(table)('constructor')).toBe('constructor');
  });
});
