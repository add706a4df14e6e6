import { describe, expect, test } from 'vitest';
import { LOCALES, localeMessages, translator } from '../../test/unit/i18n-locale';
import { PLURAL_CATEGORIES, plural } from './plural';

/** Base names of the counted messages (those with `_other` variants). */
const COUNTED = Object.keys(localeMessages('en'))
  .filter((n) => n.endsWith('_other'))
  .map((n) => n.slice(0, -'_other'.length));

describe('plural messages', () => {
  test('English: "Cited once", then "Cited 2 times"', () => {
    const t = translator('en');
    expect(plural(t, 'cardCited', 1)).toBe('Cited once on this page');
    expect(plural(t, 'cardCited', 2)).toBe('Cited 2 times on this page');
    expect(plural(t, 'traceDocs', 1)).toBe('1 document');
    expect(plural(t, 'traceDocs', 7)).toBe('7 documents');
    expect(plural(t, 'viewerCitationsReading', 1, ['2', '7'])).toBe('1 citation (2/7 pages read)');
  });

  test('Arabic: zero, one, two, few, many and other each read right', () => {
    const t = translator('ar');
    expect(plural(t, 'cardCited', 1)).toBe('ورد مرة واحدة في هذه الصفحة');
    expect(plural(t, 'cardCited', 2)).toBe('ورد مرتين في هذه الصفحة');
    expect(plural(t, 'cardCited', 5)).toBe('ورد 5 مرات في هذه الصفحة');
    expect(plural(t, 'cardCited', 11)).toBe('ورد 11 مرة في هذه الصفحة');
    expect(plural(t, 'traceCitations', 2)).toBe('إشارتان');
    expect(plural(t, 'traceCitations', 3)).toBe('3 إشارات');
    expect(plural(t, 'traceCitations', 100)).toBe('100 إشارة');
  });

  test('Russian: one, few and many (1 and 21 alike, 2–4, 5–20)', () => {
    const t = translator('ru');
    expect(plural(t, 'traceCitations', 1)).toBe('1 ссылка');
    expect(plural(t, 'traceCitations', 21)).toBe('21 ссылка');
    expect(plural(t, 'traceCitations', 3)).toBe('3 ссылки');
    expect(plural(t, 'traceCitations', 11)).toBe('11 ссылок');
    expect(plural(t, 'traceDocs', 5)).toBe('5 документов');
  });

  test('French counts 0 and 1 as one; Chinese has one form', () => {
    expect(plural(translator('fr'), 'traceCitations', 0)).toBe('0 citation');
    expect(plural(translator('fr'), 'cardCited', 1)).toBe('Cité une fois sur cette page');
    expect(plural(translator('zh_CN'), 'cardCited', 1)).toBe('本页援引 1 次');
  });

  test.each(LOCALES)(
    '%s: every counted message has all six variants, and those that show a number show it',
    (locale) => {
      const messages = localeMessages(locale);
      const rules = new Intl.PluralRules(messages.pluralLocale!.message);
      expect(COUNTED.length).toBeGreaterThanOrEqual(6);
      for (const name of COUNTED) {
        for (const c of PLURAL_CATEGORIES)
          expect(messages[`${name}_${c}`], `${locale} ${name}_${c}`).toBeDefined();
        // Categories this language uses, for 0–200: the text names the count or is a word for it (one, two).
        for (let n = 0; n <= 200; n++) {
          const c = rules.select(n);
          const text = messages[`${name}_${c}`]!.message;
          if (!text.includes('$COUNT$'))
            expect(['zero', 'one', 'two'], `${locale} ${name}_${c} (${n})`).toContain(c);
        }
      }
    },
  );
});
