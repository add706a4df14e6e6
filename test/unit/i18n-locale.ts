/**
 * A `Translate` for any shipped locale, for Node unit tests: reads public/_locales/<locale>/messages.json and
 * substitutes like `browser.i18n.getMessage`, with the extension's own substitution (src/shared/messages.ts).
 * Unlike the browser it does not fall back to English: a missing translation throws, so a test fails on a
 * message the locale forgot instead of passing with the English text.
 */
import { readFileSync } from 'node:fs';
import type { Translate } from '../../src/card/view-model';
import { formatMessage, messageTable } from '../../src/shared/messages';

/** A message as messages.json stores it. */
export interface LocaleMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

/** The locales the extension ships (folder names under public/_locales). */
export const LOCALES = ['en', 'fr', 'es', 'ru', 'zh_CN', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

/** The messages of one locale by name. */
export function localeMessages(locale: Locale): Record<string, LocaleMessage> {
  return JSON.parse(
    readFileSync(new URL(`../../public/_locales/${locale}/messages.json`, import.meta.url), 'utf8'),
  ) as Record<string, LocaleMessage>;
}

/** Translates like `getMessage` with the given UI locale (and no English fallback). */
export function translator(locale: Locale): Translate {
  const table = messageTable(localeMessages(locale));
  return (key, substitutions = []) => {
    const text = formatMessage(table, key, substitutions);
    if (text === undefined) throw new Error(`no message "${key}" in public/_locales/${locale}/messages.json`);
    return text;
  };
}
