/**
 * The translator of a card in its own language. The browser's `i18n.getMessage` only speaks the browser's UI
 * language; a card on an Arabic page in an English browser speaks Arabic, so it translates with the Arabic
 * message table, which the worker reads from the extension's `_locales` (the same files `getMessage` reads:
 * one source for every string). Each table is asked for once per context and kept.
 */
import type { Translate } from '../card/format';
import type { Lang } from '../core/mention';
import { t } from './browser';
import { uiLang } from './link-lang';
import { tableTranslator } from './messages';
import { sendToWorker } from './messaging';

const ready = new Map<Lang, Translate>();
const pending = new Map<Lang, Promise<Translate>>();

/**
 * The card translator for `lang`: at once when it is the browser's UI language or its table is already here,
 * else a promise of it. A table the worker cannot give leaves the browser's own messages for the cards of
 * this page (a card in the browser's language beats no card).
 */
export function cardTranslator(lang: Lang): Translate | Promise<Translate> {
  if (lang === uiLang()) return t;
  const have = ready.get(lang);
  if (have) return have;
  let wait = pending.get(lang);
  if (!wait) {
    wait = sendToWorker('messages', { lang }).then((r) => {
      pending.delete(lang);
      // A name a locale lacks (the locale test forbids it) reads as the browser would show it.
      const translate = r.ok ? tableTranslator(r.value, t) : t;
      ready.set(lang, translate);
      return translate;
    });
    pending.set(lang, wait);
  }
  return wait;
}
