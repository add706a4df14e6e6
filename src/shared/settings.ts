/**
 * User settings: the defaults, a type derived from them, and ordered migrations
 * (refined-github `options-storage.ts`, webext-options-sync). Stored in `storage.sync` under one key
 * so that a read is one call; the storage area is a parameter so this module is testable without a browser
 * (Page Previews `createUserSettings(storage)`).
 */
import type { Kind, Lang } from '../core/mention';
import { KINDS, LANGS } from '../core/mention';

/**
 * Host patterns of the UN sites the extension is on by default. They must stay in step with the manifest's
 * `content_scripts[].matches`: a pattern here is a site the user can switch off, not a permission.
 */
export const UN_SITES: readonly string[] = [
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

/** The settings with their defaults; the `Settings` type is derived from this object. */
export const defaults = {
  /** Schema version; migrations bring older stored objects up to it. */
  version: 2,
  /** UN sites the user switched off (host patterns from `UN_SITES` or plain host names). */
  disabledSites: [] as string[],
  /** Other sites the user added (plain host names; the optional host permission is asked when added). */
  extraSites: [] as string[],
  /** Language of undocs.org links; `auto` follows the browser (one of the six, else English). */
  linkLang: 'auto' as Lang | 'auto',
  /**
   * Language of the card (its labels, and titles where the index has them): `page` follows the page's
   * language, `browser` the browser's, or one of the six fixed. Extension pages (popup, trace view) have no
   * page of their own: there `page` is the browser's language.
   */
  cardLang: 'page' as CardLangSetting,
  /** Dwell before a card starts (ms); 150 is Page Previews' FETCH_START_DELAY. */
  hoverDelayMs: 150,
  /** Which kinds are annotated on pages. */
  kinds: Object.fromEntries(KINDS.map((k) => [k, true])) as Record<Kind, boolean>,
  /**
   * Open UN PDFs in the citation viewer: a navigation to a UN PDF address is redirected there by the browser
   * (src/worker/pdf-redirect.ts), and an undocs.org / docs.un.org landing page opens its PDF there.
   */
  openPdfsInViewer: true,
  /**
   * Hosts whose PDFs the user sent back to the browser's own PDF viewer (the viewer's "Open in the browser's
   * PDF viewer"): they are not redirected, until removed on the options page.
   */
  browserPdfSites: [] as string[],
};

/** The choices of {@link defaults.cardLang}. */
export type CardLangSetting = 'page' | 'browser' | Lang;

/** User settings as stored and read. */
export type Settings = typeof defaults;

/** The storage key holding the settings object. */
export const SETTINGS_KEY = 'settings';

/** A migration edits an older stored object in place; it must be safe on any shape. */
export type Migration = (stored: Record<string, unknown>) => void;

/**
 * Ordered migrations; `migrations[i]` upgrades version `i + 1` to `i + 2`. Never reorder or remove one.
 */
export const migrations: readonly Migration[] = [
  // v1 kept `sitesOff: {host: true}`; v2 keeps a list (easier to render and to diff in sync storage).
  (s) => {
    const off = s.sitesOff;
    if (off && typeof off === 'object') {
      s.disabledSites = Object.entries(off as Record<string, unknown>)
        .filter(([, v]) => v === true)
        .map(([host]) => host);
    }
    delete s.sitesOff;
  },
];

const HOVER_MIN_MS = 0;
const HOVER_MAX_MS = 2000;

function stringList(v: unknown): string[] | undefined {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
}

/**
 * Turns whatever is stored (possibly absent, old or hand-edited) into valid current settings: runs the
 * migrations from its version, then keeps only fields of the right type, falling back to the defaults.
 */
export function normalizeSettings(raw: unknown): Settings {
  const s: Record<string, unknown> = raw && typeof raw === 'object' ? { ...(raw as object) } : {};
  const from = typeof s.version === 'number' && s.version >= 1 ? Math.floor(s.version) : 1;
  for (let v = from; v < defaults.version; v++) migrations[v - 1]?.(s);
  const kinds = { ...defaults.kinds };
  if (s.kinds && typeof s.kinds === 'object') {
    for (const k of KINDS) {
      const on = (s.kinds as Record<string, unknown>)[k];
      if (typeof on === 'boolean') kinds[k] = on;
    }
  }
  const lang = s.linkLang;
  const cardLang = s.cardLang;
  const delay = s.hoverDelayMs;
  return {
    version: defaults.version,
    disabledSites: stringList(s.disabledSites) ?? [...defaults.disabledSites],
    extraSites: stringList(s.extraSites) ?? [...defaults.extraSites],
    linkLang: lang === 'auto' || LANGS.includes(lang as Lang) ? (lang as Lang | 'auto') : defaults.linkLang,
    cardLang:
      cardLang === 'page' || cardLang === 'browser' || LANGS.includes(cardLang as Lang)
        ? (cardLang as CardLangSetting)
        : defaults.cardLang,
    hoverDelayMs:
      typeof delay === 'number' && Number.isFinite(delay)
        ? Math.min(HOVER_MAX_MS, Math.max(HOVER_MIN_MS, Math.round(delay)))
        : defaults.hoverDelayMs,
    kinds,
    openPdfsInViewer:
      typeof s.openPdfsInViewer === 'boolean' ? s.openPdfsInViewer : defaults.openPdfsInViewer,
    browserPdfSites: stringList(s.browserPdfSites) ?? [...defaults.browserPdfSites],
  };
}

/** The slice of `storage.sync` / `storage.local` this module needs (the polyfill's StorageArea fits). */
export interface StorageAreaLike {
  get(keys: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Reads the settings from a storage area (normalized; never throws on bad stored data). */
export async function loadSettings(area: StorageAreaLike): Promise<Settings> {
  const got = await area.get(SETTINGS_KEY);
  return normalizeSettings(got[SETTINGS_KEY]);
}

/** Applies a partial change to the stored settings and returns the result. */
export async function saveSettings(area: StorageAreaLike, change: Partial<Settings>): Promise<Settings> {
  const next = normalizeSettings({ ...(await loadSettings(area)), ...change });
  await area.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Matches a host name against a pattern: `example.org` exactly, `*.example.org` that host and below. */
export function hostMatches(host: string, pattern: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const p = pattern.toLowerCase();
  if (p.startsWith('*.')) {
    const base = p.slice(2);
    return h === base || h.endsWith(`.${base}`);
  }
  return h === p;
}

/** True when the extension should annotate pages of `host` under these settings. */
export function isSiteEnabled(settings: Settings, host: string): boolean {
  if (settings.disabledSites.some((p) => hostMatches(host, p))) return false;
  return UN_SITES.some((p) => hostMatches(host, p)) || settings.extraSites.some((p) => hostMatches(host, p));
}

/** The settings with `host` switched off: a plain host entry is added so other sub-sites stay on. */
export function withSiteOff(settings: Settings, host: string): Settings {
  const h = host.toLowerCase();
  if (settings.disabledSites.includes(h)) return settings;
  return { ...settings, disabledSites: [...settings.disabledSites, h] };
}

/** The settings with `host` switched on again (removes every disabling entry that covers it). */
export function withSiteOn(settings: Settings, host: string): Settings {
  return { ...settings, disabledSites: settings.disabledSites.filter((p) => !hostMatches(host, p)) };
}

/** Picks the link language: the setting, else the first of the browser's languages that is a UN language. */
export function resolveLinkLang(settings: Settings, browserLangs: readonly string[]): Lang {
  if (settings.linkLang !== 'auto') return settings.linkLang;
  for (const tag of browserLangs) {
    const base = tag.toLowerCase().split('-')[0] as Lang;
    if (LANGS.includes(base)) return base;
  }
  return 'en';
}

/**
 * The card's language: the fixed one the setting names; with `browser`, the language the browser shows the
 * extension in (`uiLang`: one of the six, else English, as `browser.i18n` falls back); with `page`, the page's
 * language when it is one of the six, else the browser's.
 */
export function resolveCardLang(settings: Settings, pageLang: Lang | undefined, uiLang: Lang): Lang {
  if (settings.cardLang === 'browser') return uiLang;
  if (settings.cardLang === 'page') return pageLang ?? uiLang;
  return settings.cardLang;
}
