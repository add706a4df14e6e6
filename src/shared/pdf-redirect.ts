/**
 * The browser's redirect of UN PDF addresses to the viewer (declarativeNetRequest), for the two contexts that
 * change it: the worker installs the rules from the settings (src/worker/pdf-redirect.ts), and the viewer
 * updates them itself before it leaves for the browser's own PDF viewer, so that the navigation that follows
 * is not sent straight back (no loop, no race with the worker's `storage.onChanged`). The rules themselves are
 * pure (pdf-url.ts).
 */
import { browser } from './browser';
import { PDF_RULE_IDS, passThroughRule, pdfRedirectRules, VIEWER_PATH } from './pdf-url';
import type { Settings } from './settings';

type Dnr = typeof browser.declarativeNetRequest;
type Rule = Parameters<Dnr['updateDynamicRules']>[0]['addRules'];

/** The API, or undefined in a browser or build without it (the redirect is then simply absent). */
function dnr(): Dnr | undefined {
  return (browser as { declarativeNetRequest?: Dnr }).declarativeNetRequest;
}

/**
 * Replaces the extension's redirect rules with those of `settings` (none when the option is off). One
 * atomic update, so two contexts doing it at once end in the same state.
 */
export async function applyPdfRedirect(settings: Settings): Promise<void> {
  const api = dnr();
  if (!api) return;
  const rules = pdfRedirectRules(
    settings.openPdfsInViewer,
    settings.browserPdfSites,
    browser.runtime.getURL(VIEWER_PATH),
  );
  await api.updateDynamicRules({ removeRuleIds: [...PDF_RULE_IDS], addRules: rules as Rule });
}

/** Session rules start above the dynamic rules' ids (the two sets are separate, but distinct ids read better). */
const FIRST_SESSION_ID = 100;

/**
 * Lets `url` through to the browser for the rest of the session (a session rule above the redirect): for the
 * viewer's "Open the original" on a file it could not show, which would otherwise come straight back.
 */
export async function passThrough(url: string): Promise<void> {
  const api = dnr();
  if (!api) return;
  const rule = passThroughRule(0, url);
  const existing = await api.getSessionRules();
  if (existing.some((r) => r.condition.regexFilter === rule.condition.regexFilter)) return;
  const id = Math.max(FIRST_SESSION_ID - 1, ...existing.map((r) => r.id)) + 1;
  await api.updateSessionRules({ addRules: [{ ...rule, id }] as Rule });
}

/** `storage.session` key of the files the user chose with "Open with citations" on a link. */
const CHOSEN_FILES_KEY = 'viewerChosenFiles';
/** How many chosen files are remembered (the oldest go first). */
const CHOSEN_MAX = 50;

/**
 * Records that the user chose `file` (the link's context menu), so the viewer may fetch it even when it is not
 * a UN address. `storage.session` is out of reach of web pages and content scripts, so a page cannot forge it.
 */
export async function rememberChosenFile(file: string): Promise<void> {
  const area = browser.storage.session;
  if (!area) return;
  file = normalized(file);
  const got = (await area.get(CHOSEN_FILES_KEY))[CHOSEN_FILES_KEY];
  const list = Array.isArray(got) ? got.filter((f): f is string => typeof f === 'string' && f !== file) : [];
  await area.set({ [CHOSEN_FILES_KEY]: [...list, file].slice(-CHOSEN_MAX) });
}

/** True when the user chose `file` in this browser session (see {@link rememberChosenFile}). */
export async function wasChosenFile(file: string): Promise<boolean> {
  const got = (await browser.storage.session?.get(CHOSEN_FILES_KEY))?.[CHOSEN_FILES_KEY];
  return Array.isArray(got) && got.includes(normalized(file));
}

/** The address as the viewer reads it back from its own URL (`new URL(…).href`). */
function normalized(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}
