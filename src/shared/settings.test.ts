import { describe, expect, test } from 'vitest';
import {
  defaults,
  hostMatches,
  isSiteEnabled,
  loadSettings,
  normalizeSettings,
  resolveCardLang,
  resolveLinkLang,
  SETTINGS_KEY,
  type StorageAreaLike,
  saveSettings,
  UN_SITES,
  withSiteOff,
  withSiteOn,
} from './settings';

function memoryArea(
  initial: Record<string, unknown> = {},
): StorageAreaLike & { data: Record<string, unknown> } {
  const data = { ...initial };
  return {
    data,
    get: async (key) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items) => {
      Object.assign(data, structuredClone(items));
    },
  };
}

describe('normalizeSettings', () => {
  test('nothing stored gives the defaults', () => {
    expect(normalizeSettings(undefined)).toEqual(defaults);
  });

  test('a v1 object is migrated: sitesOff map becomes the disabledSites list', () => {
    const s = normalizeSettings({ version: 1, sitesOff: { 'news.un.org': true, 'undocs.org': false } });
    expect(s.disabledSites).toEqual(['news.un.org']);
    expect(s.version).toBe(defaults.version);
    expect('sitesOff' in s).toBe(false);
  });

  test('wrong types fall back field by field', () => {
    const s = normalizeSettings({
      version: 2,
      linkLang: 'de',
      hoverDelayMs: 99999,
      kinds: { treaty: false, bogus: true, sales: 'no' },
      extraSites: ['example.org', 3],
    });
    expect(s.linkLang).toBe('auto');
    expect(s.hoverDelayMs).toBe(2000);
    expect(s.kinds.treaty).toBe(false);
    expect(s.kinds.sales).toBe(true);
    expect(s.extraSites).toEqual(['example.org']);
    expect(Object.keys(s.kinds)).not.toContain('bogus');
  });

  test('UN PDFs open in the viewer unless switched off; the sites sent back to the browser are kept', () => {
    expect(normalizeSettings(undefined).openPdfsInViewer).toBe(true);
    expect(normalizeSettings(undefined).browserPdfSites).toEqual([]);
    const s = normalizeSettings({
      version: 2,
      openPdfsInViewer: false,
      browserPdfSites: ['documents.un.org', 7],
    });
    expect(s.openPdfsInViewer).toBe(false);
    expect(s.browserPdfSites).toEqual(['documents.un.org']);
    expect(normalizeSettings({ version: 2, browserPdfSites: 'documents.un.org' }).browserPdfSites).toEqual(
      [],
    );
  });
});

describe('storage round trip', () => {
  test('save merges a change and load reads it back', async () => {
    const area = memoryArea();
    await saveSettings(area, { linkLang: 'ar' });
    await saveSettings(area, { hoverDelayMs: 300 });
    const s = await loadSettings(area);
    expect(s.linkLang).toBe('ar');
    expect(s.hoverDelayMs).toBe(300);
    expect((area.data[SETTINGS_KEY] as { version: number }).version).toBe(defaults.version);
  });
});

describe('sites', () => {
  test.each([
    ['documents.un.org', '*.un.org', true],
    ['un.org', '*.un.org', true],
    ['evilun.org', '*.un.org', false],
    ['undocs.org', 'undocs.org', true],
    ['www.undocs.org', 'undocs.org', false],
  ])('%s against %s', (host, pattern, want) => {
    expect(hostMatches(host, pattern)).toBe(want);
  });

  test('UN sites are on by default, others off until added', () => {
    expect(isSiteEnabled(defaults, 'digitallibrary.un.org')).toBe(true);
    expect(isSiteEnabled(defaults, 'evilun.org')).toBe(false);
    expect(isSiteEnabled(defaults, 'www.ohchr.org')).toBe(true);
    expect(isSiteEnabled(defaults, 'example.org')).toBe(false);
    expect(isSiteEnabled({ ...defaults, extraSites: ['example.org'] }, 'example.org')).toBe(true);
  });

  test('one site off leaves its sister sites on, and on again restores it', () => {
    const off = withSiteOff(defaults, 'news.un.org');
    expect(isSiteEnabled(off, 'news.un.org')).toBe(false);
    expect(isSiteEnabled(off, 'documents.un.org')).toBe(true);
    expect(isSiteEnabled(withSiteOn(off, 'news.un.org'), 'news.un.org')).toBe(true);
  });
});

test.each([
  [['fr-CH', 'en'], 'fr'],
  [['de-DE', 'zh-CN'], 'zh'],
  [['de-DE'], 'en'],
  [['ar'], 'ar'],
])('link language from browser languages %j is %s', (langs, want) => {
  expect(resolveLinkLang(defaults, langs)).toBe(want);
});

test('an explicit link language wins over the browser', () => {
  expect(resolveLinkLang({ ...defaults, linkLang: 'ru' }, ['fr'])).toBe('ru');
});

test('the default UN sites are exactly the hosts the manifest injects the content script into', async () => {
  const { readFileSync } = await import('node:fs');
  const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as {
    content_scripts: { matches: string[] }[];
  };
  const hosts = manifest.content_scripts
    .flatMap((c) => c.matches)
    .map((m) => new URL(m.replace(/^\*:/, 'https:')).host);
  expect([...UN_SITES].sort()).toEqual([...new Set(hosts)].sort());
});

describe('the card language setting', () => {
  test("by default the card follows the page, and the browser's language where the page has none of the six", () => {
    expect(defaults.cardLang).toBe('page');
    expect(resolveCardLang(defaults, 'ar', 'en')).toBe('ar');
    expect(resolveCardLang(defaults, undefined, 'fr')).toBe('fr');
  });
  test("the browser's language, or a fixed one, whatever the page", () => {
    expect(resolveCardLang({ ...defaults, cardLang: 'browser' }, 'ar', 'en')).toBe('en');
    expect(resolveCardLang({ ...defaults, cardLang: 'zh' }, 'ar', 'en')).toBe('zh');
  });
  test('a stored value that is none of the choices reads as the default', () => {
    expect(normalizeSettings({ cardLang: 'de' }).cardLang).toBe('page');
    expect(normalizeSettings({ cardLang: 'browser' }).cardLang).toBe('browser');
    expect(normalizeSettings({ cardLang: 'ru' }).cardLang).toBe('ru');
  });
});
