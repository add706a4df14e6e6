/**
 * The reader's link language (the language of undocs.org links and of index titles): decided here, and only
 * here, for every context, so that the popup, the trace view, the omnibox and the hover cards on pages and in
 * PDFs cannot pick different languages for the same reader.
 *
 * The rule: the setting when it names a language; with `auto`, the browser's UI language when it is one of
 * the six, then the reader's accepted languages (`navigator.languages`) in order; else English.
 */
import { LANGS, type Lang } from '../core/mention';
import { browser } from './browser';
import { loadSettings, resolveCardLang, resolveLinkLang, type Settings } from './settings';

/** The browser's languages in order of preference: its UI language, then the accepted languages. */
export function browserLangs(): string[] {
  return [browser.i18n.getUILanguage(), ...(globalThis.navigator?.languages ?? [])];
}

/** The link language under settings the caller already holds (content script and viewer keep theirs live). */
export function linkLangOf(settings: Settings): Lang {
  return resolveLinkLang(settings, browserLangs());
}

/** The link language with the settings read from `storage.sync`; English when they cannot be read. */
export async function readerLang(): Promise<Lang> {
  try {
    return linkLangOf(await loadSettings(browser.storage.sync));
  } catch {
    return 'en';
  }
}

/**
 * The language the browser shows the extension in: the UI language when the extension ships it, else English
 * (the default locale). Read from the `pluralLocale` message, which names the language of the file
 * `browser.i18n` picked, so it is right by construction.
 */
export function uiLang(): Lang {
  const base = (browser.i18n.getMessage('pluralLocale') || 'en').toLowerCase().split('-')[0] as Lang;
  return LANGS.includes(base) ? base : 'en';
}

/** The card's language under the settings for a page in `pageLang` (undefined on extension pages). */
export function cardLangOf(settings: Settings, pageLang: Lang | undefined): Lang {
  return resolveCardLang(settings, pageLang, uiLang());
}

/** The card's language on an extension page (popup, trace view), with the settings read from `storage.sync`. */
export async function readerCardLang(): Promise<Lang> {
  try {
    return cardLangOf(await loadSettings(browser.storage.sync), undefined);
  } catch {
    return uiLang();
  }
}
