/**
 * The reader's link language (the language of undocs.org links and of index titles): decided here, and only
 * here, for every context, so that the popup, the trace view, the omnibox and the hover cards on pages and in
 * PDFs cannot pick different languages for the same reader.
 *
 * The rule: the setting when it names a language; with `auto`, the browser's UI language when it is one of
 * the six, then the reader's accepted languages (`navigator.languages`) in order; else English.
 */
import type { Lang } from '../core/mention';
import { browser } from './browser';
import { loadSettings, resolveLinkLang, type Settings } from './settings';

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
