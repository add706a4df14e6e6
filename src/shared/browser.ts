/**
 * The one browser seam (style.md convention 6): the ONLY module that imports webextension-polyfill.
 * Every other module takes `browser` from here, so tests stub one module and a move off the polyfill
 * is a one-file change.
 */
import browser from 'webextension-polyfill';

export type { Browser, Menus, Omnibox, Runtime, Storage, Tabs } from 'webextension-polyfill';
export { browser };

/**
 * Chrome's side panel API (Chrome 114+), absent from the polyfill and from Firefox. Returned untyped-narrow
 * so callers feature-test instead of sniffing the user agent.
 */
export function chromeSidePanel(): typeof chrome.sidePanel | undefined {
  const c = (globalThis as { chrome?: typeof chrome }).chrome;
  return c?.sidePanel;
}

/** Firefox's sidebar API, absent in Chrome. */
export function firefoxSidebar():
  | { open(): Promise<void>; setPanel(d: { panel: string }): Promise<void> }
  | undefined {
  const b = browser as unknown as {
    sidebarAction?: { open(): Promise<void>; setPanel(d: { panel: string }): Promise<void> };
  };
  return b.sidebarAction;
}

/**
 * A localized UI string from `_locales/<lang>/messages.json`. Missing names fall back to the name itself so a
 * forgotten message shows up as a visible key in the UI rather than as an empty label.
 */
export function t(name: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(name, substitutions) || name;
}
