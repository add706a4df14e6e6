/**
 * One link language per reader: every context (popup, trace view, worker, content script, viewer) asks
 * link-lang.ts, which reads the browser's UI language and the accepted languages through the browser seam.
 * The seam is the only stand-in: the storage area is a real in-memory one with the settings module's own format.
 */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { defaults, SETTINGS_KEY } from './settings';

const env = { ui: 'en-US', stored: {} as Record<string, unknown>, failStorage: false };

vi.mock('./browser', () => ({
  browser: {
    i18n: { getUILanguage: () => env.ui },
    storage: {
      sync: {
        get: async (key: string) => {
          if (env.failStorage) throw new Error('storage unavailable');
          return key in env.stored ? { [key]: env.stored[key] } : {};
        },
        set: async () => {},
      },
    },
  },
}));
const { browserLangs, linkLangOf, readerLang } = await import('./link-lang');

beforeEach(() => {
  env.ui = 'en-US';
  env.stored = {};
  env.failStorage = false;
});
afterEach(() => vi.unstubAllGlobals());

const accept = (languages: string[]) => vi.stubGlobal('navigator', { languages });

test('the browser UI language comes first, then the accepted languages', () => {
  env.ui = 'fr-FR';
  accept(['de-DE', 'es']);
  expect(browserLangs()).toEqual(['fr-FR', 'de-DE', 'es']);
  expect(linkLangOf(defaults)).toBe('fr');
});

test('a UI language that is not a UN language gives way to the first accepted UN language', () => {
  env.ui = 'de';
  accept(['nl', 'ru-RU', 'fr']);
  expect(linkLangOf(defaults)).toBe('ru');
});

test('with no UN language anywhere the links are English', () => {
  env.ui = 'de';
  accept(['nl']);
  expect(linkLangOf(defaults)).toBe('en');
});

test('the setting wins over the browser, read from storage the same way in every context', async () => {
  env.ui = 'fr';
  accept(['fr']);
  env.stored[SETTINGS_KEY] = { ...defaults, linkLang: 'zh' };
  expect(await readerLang()).toBe('zh');
  expect(linkLangOf({ ...defaults, linkLang: 'zh' })).toBe('zh');
  // The popup (readerLang) and a page's card (linkLangOf with the settings it holds) agree under auto too.
  env.stored[SETTINGS_KEY] = { ...defaults, linkLang: 'auto' };
  expect(await readerLang()).toBe(linkLangOf(defaults));
});

test('storage that fails gives English rather than an error', async () => {
  env.failStorage = true;
  env.ui = 'ar';
  expect(await readerLang()).toBe('en');
});

test('a context without navigator (a worker started early) still reads the UI language', () => {
  env.ui = 'es-419';
  vi.stubGlobal('navigator', undefined);
  expect(linkLangOf(defaults)).toBe('es');
});
