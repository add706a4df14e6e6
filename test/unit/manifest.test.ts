/**
 * The source manifest, the derived Firefox manifest and the locales agree with each other and with the issue:
 * required hosts, permissions, one source of the version, every __MSG_*__ defined, every file present.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { chromeManifest, firefoxManifest, GECKO_ID, polyfillAsModule } from '../../vite.config';

const ROOT = join(import.meta.dirname, '..', '..');
// biome-ignore lint/suspicious/noExplicitAny: manifests are untyped JSON, read loosely in assertions
type Json = Record<string, any>;
const chrome = chromeManifest() as Json;
const firefox = firefoxManifest() as Json;
const en = JSON.parse(readFileSync(join(ROOT, 'public/_locales/en/messages.json'), 'utf8')) as Record<
  string,
  unknown
>;

const REQUIRED_HOSTS = [
  'undocs.org',
  'docs.un.org',
  'documents.un.org',
  'digitallibrary.un.org',
  'press.un.org',
  'news.un.org',
  'www.un.org',
  'ohchr.org',
  'www.ohchr.org',
  'treaties.un.org',
  'research.un.org',
];

describe('Chrome manifest (source)', () => {
  test('MV3 module service worker, popup, options, side panel', () => {
    expect(chrome.manifest_version).toBe(3);
    expect(chrome.background).toEqual({ service_worker: 'src/worker/index.ts', type: 'module' });
    expect(chrome.action.default_popup).toBe('src/popup/index.html');
    expect(chrome.options_ui.page).toBe('src/options/index.html');
    expect(chrome.side_panel.default_path).toBe('src/trace/index.html');
    expect(chrome.permissions).toEqual(expect.arrayContaining(['contextMenus', 'storage', 'sidePanel']));
  });

  test('the version comes from package.json', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(chrome.version).toBe(pkg.version);
  });

  test('content script on every UN site, at document_idle; other sites only by optional permission', () => {
    const [cs] = chrome.content_scripts;
    expect(cs.run_at).toBe('document_idle');
    expect(cs.js).toEqual(['src/content/index.ts']);
    for (const host of REQUIRED_HOSTS) expect(cs.matches).toContain(`*://${host}/*`);
    expect(chrome.optional_host_permissions).toEqual(['*://*/*']);
    // Standing access to UN sites only: the redirect of UN PDFs to the viewer needs it (declarativeNetRequest).
    expect(chrome.host_permissions).toEqual(['*://*.un.org/*']);
  });

  test('every __MSG_name__ is defined in the English messages', () => {
    const names = [...JSON.stringify(chrome).matchAll(/__MSG_(\w+)__/g)].map((m) => m[1] as string);
    const derived = [...JSON.stringify(firefox).matchAll(/__MSG_(\w+)__/g)].map((m) => m[1] as string);
    expect(names.length).toBeGreaterThan(3);
    for (const name of [...names, ...derived]) expect(en, `message ${name}`).toHaveProperty(name);
  });

  test('every icon file exists', () => {
    const icons = [...Object.values(chrome.icons), ...Object.values(chrome.action.default_icon)] as string[];
    for (const icon of icons) expect(existsSync(join(ROOT, 'public', icon)), icon).toBe(true);
    const png = readFileSync(join(ROOT, 'public', chrome.icons['128']));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(128); // IHDR width
  });
});

describe('Firefox manifest (derived)', () => {
  test('event page instead of a service worker, same module', () => {
    expect(firefox.background).toEqual({ scripts: ['src/worker/index.ts'], type: 'module' });
  });

  test('sidebar instead of side panel, on the same page', () => {
    expect(firefox.side_panel).toBeUndefined();
    expect(firefox.permissions).not.toContain('sidePanel');
    expect(firefox.sidebar_action.default_panel).toBe(chrome.side_panel.default_path);
  });

  test('gecko id and data_collection_permissions', () => {
    expect(firefox.browser_specific_settings.gecko).toEqual({
      id: GECKO_ID,
      strict_min_version: '142.0',
      data_collection_permissions: { required: ['none'] },
    });
    expect(firefox.minimum_chrome_version).toBeUndefined();
  });

  test('everything else is the Chrome manifest unchanged', () => {
    for (const key of [
      'content_scripts',
      'action',
      'options_ui',
      'commands',
      'omnibox',
      'icons',
      'default_locale',
    ]) {
      expect(firefox[key], key).toEqual(chrome[key]);
    }
  });
});

describe('locales', () => {
  const dir = join(ROOT, 'public/_locales');
  const locales = readdirSync(dir);
  type Message = { message?: unknown; placeholders?: Record<string, { content?: unknown }> };
  const read = (locale: string) =>
    JSON.parse(readFileSync(join(dir, locale, 'messages.json'), 'utf8')) as Record<string, Message>;
  const english = read('en');
  /** `$NAME$` placeholders a message uses, by lower-cased name (Chrome matches them case-insensitively). */
  const used = (text: string) =>
    [...text.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => (m[1] as string).toLowerCase());
  /** Placeholder names and contents, lower-cased names. */
  const declared = (m: Message) =>
    Object.fromEntries(
      Object.entries(m.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
    );
  /**
   * Whether an English message is prose a reader would see untranslated: two or more words of letters once
   * placeholders, product names, %s and technical tokens (undocs.org, CSL-JSON, BibTeX, MTDSG) are taken out.
   */
  const isSentence = (text: string) =>
    (
      text
        .replace(/\$[A-Za-z0-9_@]+\$|%s/g, ' ')
        .replace(/UN Citation Lens|UN Lens|undocs\.org|CSL-JSON|BibTeX|MTDSG/g, ' ')
        .match(/\p{L}{2,}/gu) ?? []
    ).length >= 2;

  /** Plural variants (`cardCited_few`) of a counted message. */
  const PLURAL_VARIANT = /_(zero|one|two|few|many|other)$/;
  /** Prose that is correctly spelled the same as the English (French "33 documents, 39 citations"). */
  const SAME_AS_ENGLISH = new Set(['fr:traceDocsCitations']);

  test('English plus the other five UN languages', () => {
    expect(locales.sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh_CN']);
  });
  test.each(locales)('%s: valid JSON, only names English defines, each with a message', (locale) => {
    const messages = read(locale);
    for (const [name, value] of Object.entries(messages)) {
      expect(en, `${locale}: ${name}`).toHaveProperty(name);
      expect(typeof value.message).toBe('string');
    }
  });
  test.each(locales.filter((l) => l !== 'en'))(
    '%s: every English message, with its placeholders, translated',
    (locale) => {
      const messages = read(locale);
      for (const [name, source] of Object.entries(english)) {
        const target = messages[name];
        expect(target, `${locale}: ${name} missing`).toBeDefined();
        if (!target) continue;
        const text = target.message as string;
        // Same placeholder names and contents, and every placeholder the English shows is shown here too.
        expect(declared(target), `${locale}: ${name} placeholders`).toEqual(declared(source));
        // A plural variant may name its number in words instead (Arabic "مرتين", twice): its placeholders
        // are declared as in English, and it shows those it needs (src/ui/plural.ts).
        if (!PLURAL_VARIANT.test(name))
          expect(new Set(used(text)), `${locale}: ${name} uses`).toEqual(
            new Set(used(source.message as string)),
          );
        for (const p of used(text))
          expect(declared(target), `${locale}: ${name} declares $${p}$`).toHaveProperty(p);
        expect(text.includes('%s'), `${locale}: ${name} %s`).toBe((source.message as string).includes('%s'));
        if (isSentence(source.message as string) && !SAME_AS_ENGLISH.has(`${locale}:${name}`)) {
          expect(text, `${locale}: ${name} is still English`).not.toBe(source.message);
        }
      }
    },
  );
  test.each(locales)('%s: names within Chrome limits (name 75, description 132)', (locale) => {
    const messages = read(locale);
    const length = (name: string) => [...((messages[name]?.message as string | undefined) ?? '')].length;
    expect(length('extName')).toBeLessThanOrEqual(75);
    expect(length('extDescription')).toBeLessThanOrEqual(132);
  });
  test('the sentence test tells prose from tokens', () => {
    expect(isSentence('Trace citation')).toBe(true);
    expect(isSentence('Show $KEY$ on the page ($N$ of $TOTAL$)')).toBe(true);
    expect(isSentence('UN Citation Lens')).toBe(false);
    expect(isSentence('vol. $VOLUME$')).toBe(false);
    expect(isSentence('×$COUNT$')).toBe(false);
  });
});

describe('webextension-polyfill as a module (vite.config.ts polyfillAsModule)', () => {
  // Bundled as CommonJS, the polyfill's default import went through an interop helper that read every
  // property of the browser's own `browser` namespace, making the browser build every API binding at each
  // worker wake and content-script start. As a module, its default export IS that namespace, untouched.
  test('exports the browser’s own namespace itself, reading none of its properties', async () => {
    const file = join(ROOT, 'node_modules/webextension-polyfill/dist/browser-polyfill.js');
    const hook = polyfillAsModule().transform as (code: string, id: string) => { code: string } | null;
    const out = hook(readFileSync(file, 'utf8'), file);
    expect(out?.code).toMatch(/export default module\.exports;\s*$/);
    expect(hook('x', '/src/other.js')).toBeNull();
    const read: string[] = [];
    const native = new Proxy(
      { runtime: { id: 'ext' }, storage: {}, tabs: {} },
      {
        get(t, k) {
          if (typeof k === 'string') read.push(k);
          return Reflect.get(t, k);
        },
        getOwnPropertyDescriptor(t, k) {
          read.push(`descriptor ${String(k)}`);
          return Reflect.getOwnPropertyDescriptor(t, k);
        },
        ownKeys(t) {
          read.push('ownKeys');
          return Reflect.ownKeys(t);
        },
      },
    );
    const g = globalThis as Record<string, unknown>;
    const saved = { chrome: g.chrome, browser: g.browser };
    g.chrome = { runtime: { id: 'ext' } };
    g.browser = native;
    try {
      const mod = (await import(`data:text/javascript,${encodeURIComponent(out!.code)}`)) as {
        default: unknown;
      };
      const seen = [...read];
      expect(mod.default === native).toBe(true);
      // The polyfill's own check of `browser.runtime.id`; no listing of the namespace, no descriptor read.
      expect(seen).toContain('runtime');
      expect(seen.filter((k) => k === 'ownKeys' || k.startsWith('descriptor '))).toEqual([]);
      expect(seen).not.toContain('storage');
    } finally {
      g.chrome = saved.chrome;
      g.browser = saved.browser;
    }
  });
});
