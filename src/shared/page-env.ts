/**
 * What the extension pages (popup, trace view, options) need from the browser: the tab they are about, the
 * clipboard, localized labels. Thin wrappers over the browser seam. (The reader's link language is
 * link-lang.ts's, shared with the worker and the pages' cards.)
 */
import { browser, t } from './browser';

/**
 * The tab the page is about: `?tab=<id>` when the opener named one (the trace view opened from a page, or
 * the popup opened as a page), else the active tab of this window, when it is a web page (the trace view
 * opened as a tab is itself the active tab and has no content script).
 */
export async function subjectTab(explicit?: number): Promise<{ id: number; url?: string } | undefined> {
  try {
    if (explicit !== undefined) {
      const tab = await browser.tabs.get(explicit);
      return tab.id === undefined ? undefined : { id: tab.id, ...(tab.url ? { url: tab.url } : {}) };
    }
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return undefined;
    if (tab.url?.startsWith(browser.runtime.getURL(''))) return undefined;
    return { id: tab.id, ...(tab.url ? { url: tab.url } : {}) };
  } catch {
    return undefined;
  }
}

/** Writes text to the clipboard; resolves false when the browser refuses (no focus, no permission). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Fills `[data-i18n]` elements' text and `[data-i18n-label]` elements' `aria-label` from the locale files. */
export function localize(root: ParentNode): void {
  for (const e of root.querySelectorAll<HTMLElement>('[data-i18n]')) e.textContent = t(e.dataset.i18n!);
  for (const e of root.querySelectorAll<HTMLElement>('[data-i18n-label]'))
    e.setAttribute('aria-label', t(e.dataset.i18nLabel!));
}

/** The UI language's direction (Arabic UI reads right to left). */
export function uiDir(): 'ltr' | 'rtl' {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('ar') ? 'rtl' : 'ltr';
}
