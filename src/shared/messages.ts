/**
 * Message tables of any of the six languages, read from the extension's own `_locales/<folder>/messages.json`
 * (the one source of every UI string) and applied like `browser.i18n.getMessage`. `getMessage` only speaks the
 * browser's UI language; a card speaks the language of the page it is on (or the one the reader chose), so the
 * card translates with the table of its own language. Pure apart from {@link loadMessageTable}'s fetch.
 */
import type { Translate } from '../card/format';
import type { Lang } from '../core/mention';

/** One message as a table keeps it (the translators' `description` dropped). */
export interface TableMessage {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/** A locale's messages by name. */
export type MessageTable = Record<string, TableMessage>;

/** The `_locales` folder of each language (Chinese is shipped as `zh_CN`). */
export const LOCALE_FOLDER: Readonly<Record<Lang, string>> = {
  en: 'en',
  fr: 'fr',
  es: 'es',
  ru: 'ru',
  zh: 'zh_CN',
  ar: 'ar',
};

/** Keeps what translating needs of a parsed messages.json (message text, placeholders); drops the rest. */
export function messageTable(json: unknown): MessageTable {
  const table: MessageTable = {};
  if (!json || typeof json !== 'object') return table;
  for (const [name, value] of Object.entries(json as Record<string, unknown>)) {
    const m = value as { message?: unknown; placeholders?: unknown } | null;
    if (!m || typeof m.message !== 'string') continue;
    const entry: TableMessage = { message: m.message };
    if (m.placeholders && typeof m.placeholders === 'object') {
      entry.placeholders = {};
      for (const [p, v] of Object.entries(m.placeholders as Record<string, { content?: unknown }>)) {
        if (typeof v?.content === 'string') entry.placeholders[p] = { content: v.content };
      }
    }
    table[name] = entry;
  }
  return table;
}

function positional(text: string, subs: readonly string[]): string {
  return text.replace(/\$(\d)/g, (_, d: string) => subs[Number(d) - 1] ?? '');
}

/**
 * The message `name` of `table` with `substitutions`, as `getMessage` substitutes: `$NAME$` placeholders
 * (names matched case-insensitively) whose content is `$1`…`$9`, and `$$` for a dollar sign. Undefined when
 * the table has no such message.
 */
export function formatMessage(
  table: MessageTable,
  name: string,
  substitutions: readonly string[] = [],
): string | undefined {
  const m = Object.hasOwn(table, name) ? table[name] : undefined;
  if (!m) return undefined;
  const placeholders = new Map(
    Object.entries(m.placeholders ?? {}).map(([p, v]) => [p.toLowerCase(), v.content] as const),
  );
  return m.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, p: string) => {
      const content = placeholders.get(p.toLowerCase());
      return content === undefined ? whole : positional(content, substitutions);
    })
    .replace(/\$\$/g, '$');
}

/**
 * A {@link Translate} over `table`; a name the table lacks goes to `fallback` (the English table, like the
 * browser's own fallback to the default locale), and else shows as the name itself.
 */
export function tableTranslator(table: MessageTable, fallback?: Translate): Translate {
  return (name, substitutions = []) =>
    formatMessage(table, name, substitutions) ?? (fallback ? fallback(name, substitutions) : name);
}

/** Reads and trims the messages of `lang` from the extension package at `url(path)`. */
export async function loadMessageTable(lang: Lang, url: (path: string) => string): Promise<MessageTable> {
  const res = await fetch(url(`_locales/${LOCALE_FOLDER[lang]}/messages.json`));
  if (!res.ok) throw new Error(`_locales/${LOCALE_FOLDER[lang]}: HTTP ${res.status}`);
  return messageTable(await res.json());
}
