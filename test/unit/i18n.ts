/**
 * The English `Translate` for Node unit tests: reads public/_locales/en/messages.json and substitutes the way
 * `browser.i18n.getMessage` does (`$NAME$` placeholders whose content is `$1`…`$9`, `$$` for a dollar sign),
 * so card tests assert the very strings the extension shows. A missing name throws: a test should fail on a
 * forgotten message instead of passing with the key as text.
 */
import { readFileSync } from 'node:fs';
import type { Translate } from '../../src/card/view-model';

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

/** The English messages by name. */
export const enMessages = JSON.parse(
  readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8'),
) as Record<string, Message>;

function positional(text: string, subs: readonly string[]): string {
  return text.replace(/\$(\d)/g, (_, d: string) => subs[Number(d) - 1] ?? '');
}

/** Translates like `getMessage` with the English locale. */
export const tEn: Translate = (key, substitutions = []) => {
  const m = enMessages[key];
  if (!m) throw new Error(`no message "${key}" in public/_locales/en/messages.json`);
  const placeholders = Object.fromEntries(
    Object.entries(m.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
  );
  return m.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const content = placeholders[name.toLowerCase()];
      return content === undefined ? whole : positional(content, substitutions);
    })
    .replace(/\$\$/g, '$');
};
