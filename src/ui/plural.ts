/**
 * Plural messages. `messages.json` has no plural syntax, so a counted message comes as variants named by CLDR
 * plural category: `cardCited_one`, `cardCited_few`, `cardCited_other` … (all six categories exist in every
 * locale: Arabic uses zero, one, two, few, many and other, Russian one, few, many and other, English one and
 * other). `Intl.PluralRules` of the language the messages are written in (`pluralLocale`, a message of each
 * locale file, so a browser in a language the extension does not ship, which reads the English file, gets
 * English plurals) picks the variant. Pure: the translator is passed in.
 */
import type { Translate } from '../card/view-model';

/** The CLDR plural categories, in the order messages.json lists the variants. */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

const rules = new Map<string, Intl.PluralRules>();

function rulesFor(locale: string): Intl.PluralRules {
  let r = rules.get(locale);
  if (!r) {
    try {
      r = new Intl.PluralRules(locale);
    } catch {
      r = new Intl.PluralRules('en');
    }
    rules.set(locale, r);
  }
  return r;
}

/** The language the messages are written in, as a BCP 47 tag (`zh_CN` → `zh-CN`); English if unknown. */
export function messagesLocale(t: Translate): string {
  const l = t('pluralLocale');
  return l && l !== 'pluralLocale' ? l.replace('_', '-') : 'en';
}

/**
 * The variant of `name` for `count` (`plural(t, 'cardCited', 3)` → "Cited 3 times on this page"); the count
 * is the first substitution, `more` follow it. A missing variant falls back to `_other`.
 */
export function plural(t: Translate, name: string, count: number, more: readonly string[] = []): string {
  const category = rulesFor(messagesLocale(t)).select(count);
  const subs = [String(count), ...more];
  const variant = `${name}_${category}`;
  const text = t(variant, subs);
  return text && text !== variant ? text : t(`${name}_other`, subs);
}
