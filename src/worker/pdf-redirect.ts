/**
 * Keeps the browser's redirect of UN PDF addresses to the viewer in step with the settings: installed on
 * install and on startup, and rebuilt whenever the settings change (the options page's switch, the list of
 * sites sent back to the browser's viewer). The rules are dynamic, so they hold while this worker sleeps and
 * across restarts; the browser applies them before any request leaves, so the browser's own PDF viewer never
 * starts for those addresses.
 */
import { browser } from '../shared/browser';
import { applyPdfRedirect } from '../shared/pdf-redirect';
import { loadSettings, SETTINGS_KEY } from '../shared/settings';

/** Installs the rules from the stored settings. */
function syncPdfRedirect(): Promise<void> {
  return loadSettings(browser.storage.sync)
    .then(applyPdfRedirect)
    .catch((e: unknown) => console.warn('UN Citation Lens: PDF redirect rules not updated', e));
}

/** Adds the listeners (call it synchronously at the worker's top level, as every listener). */
export function registerPdfRedirect(): void {
  browser.runtime.onInstalled.addListener(() => void syncPdfRedirect());
  browser.runtime.onStartup.addListener(() => void syncPdfRedirect());
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && changes[SETTINGS_KEY]) void syncPdfRedirect();
  });
}
