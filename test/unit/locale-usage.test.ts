/**
 * Every UI string the extension asks for exists, in all six languages. The names are read from the code of the
 * surfaces (card, popup, trace view, options, viewer, page UI, content script, worker): `t('name')` and the
 * message-name tables beside it, `plural(t, 'name', n)` (each language's plural variants), `data-i18n*`
 * attributes of the pages and `__MSG_name__` of the manifest. A name asked for and missing would show as the
 * name itself; an empty message would show nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LOCALES, localeMessages } from './i18n-locale';

const ROOT = join(import.meta.dirname, '..', '..');
const SURFACES = [
  'card',
  'popup',
  'trace',
  'options',
  'viewer',
  'page-ui',
  'ui',
  'content',
  'worker',
  'shared',
];

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && ext.test(e.name) && !/\.test(-d)?\.ts$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** Message names the code of the surfaces names, and those it counts (`plural`). */
function usedNames(): { names: Set<string>; plurals: Set<string> } {
  const english = localeMessages('en');
  const names = new Set<string>();
  const plurals = new Set<string>();
  for (const f of SURFACES.flatMap((d) => files(join('src', d), /\.(ts|html)$/))) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/\bplural\(\s*\w+,\s*'(\w+)'/g)) plurals.add(m[1]!);
    for (const m of text.matchAll(/data-i18n[\w-]*="(\w+)"/g)) names.add(m[1]!);
    for (const m of text.matchAll(/\bt\(\s*'(\w+)'/g)) names.add(m[1]!);
    // Names kept in tables (KIND_LABEL, ERROR_TEXT …) are literals the English file names; a literal it does
    // not name is some other identifier (a message type such as 'cardEnter'), and the English file's own
    // completeness is manifest.test.ts's.
    for (const m of text.matchAll(/'([a-z]+[A-Z]\w*)'/g)) if (Object.hasOwn(english, m[1]!)) names.add(m[1]!);
  }
  for (const m of readFileSync(join(ROOT, 'manifest.json'), 'utf8').matchAll(/__MSG_(\w+)__/g))
    names.add(m[1]!);
  for (const p of plurals) names.delete(p);
  return { names, plurals };
}

const { names, plurals } = usedNames();

describe('UI strings in every language', () => {
  test('the code names a good many messages (the scan works)', () => {
    expect(names.size).toBeGreaterThan(150);
    expect(plurals).toContain('cardCited');
    expect(names).toContain('cardPosition');
    expect(names).toContain('optionsCardLangPage');
    expect(names).toContain('cardKindTreaty'); // from a table of names
  });

  test.each(LOCALES)('%s: every message the code asks for exists and is not empty', (locale) => {
    const messages = localeMessages(locale);
    const missing = [...names].filter((n) => !messages[n]?.message.trim());
    expect(missing, `${locale}: missing or empty`).toEqual([]);
    const empty = Object.entries(messages).filter(([, m]) => !m.message.trim());
    expect(
      empty.map(([n]) => n),
      `${locale}: empty messages`,
    ).toEqual([]);
  });

  test.each(LOCALES)('%s: every counted message has the plural forms its language uses', (locale) => {
    const messages = localeMessages(locale);
    const tag = messages.pluralLocale?.message ?? 'en';
    const categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories;
    for (const name of plurals) {
      for (const c of categories) {
        expect(messages[`${name}_${c}`]?.message.trim(), `${locale}: ${name}_${c}`).toBeTruthy();
      }
    }
  });
});

describe('no hard-coded English in the surfaces', () => {
  const UI = ['card', 'popup', 'trace', 'options', 'viewer', 'page-ui', 'ui'];

  test('page markup: every text and every labelling attribute comes from the messages', () => {
    const found: string[] = [];
    for (const f of UI.flatMap((d) => files(join('src', d), /\.html$/))) {
      const html = readFileSync(f, 'utf8').replace(/<(script|style)[\s\S]*?<\/\1>/g, '');
      // An element's own text of two or more words of letters, unless the element is localized
      // (`data-i18n`, whose English text is only the fallback shown before the script runs).
      for (const m of html.matchAll(/<(\w+)([^>]*)>([^<]*\p{L}{2,}[^<]*)</gu)) {
        if (!/data-i18n=/.test(m[2]!) && /\p{L}{2,}\s+\p{L}{2,}/u.test(m[3]!))
          found.push(`${f}: ${m[3]!.trim()}`);
      }
      for (const m of html.matchAll(/\s(aria-label|title|placeholder|alt)="([^"]*\p{L}{2,}\s[^"]*)"/gu))
        found.push(`${f}: ${m[1]}="${m[2]}"`);
    }
    expect(found).toEqual([]);
  });

  test('code: no English sentence is put on screen without the messages', () => {
    const found: string[] = [];
    for (const f of UI.flatMap((d) => files(join('src', d), /\.ts$/))) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(
        /(?:textContent\s*=|\btext:|setAttribute\('(?:aria-label|title|placeholder)',|\.(?:title|placeholder|ariaLabel)\s*=)\s*['`"]([^'`"]*\p{L}{2,}\s+\p{L}{2,}[^'`"]*)['`"]/gu,
      ))
        found.push(`${f}: ${m[1]}`);
    }
    expect(found).toEqual([]);
  });
});
