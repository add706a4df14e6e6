/**
 * "Trace citation": the context-menu item and the keyboard command, which open the trace view
 * (`src/shared/open-trace.ts`) on what was clicked or selected.
 *
 * The view learns what to trace from its URL: `?key=<canonical key>` or `?q=<text to search>`, plus
 * `&tab=<tab id>` when the request came from a page (the view can then ask that tab's content script for its
 * mentions, the citation under the right-click (`contextCitation`), or the page's identity).
 */
import { parseKey } from '../core/index/keys';
import { browser, type Menus, type Tabs, t } from '../shared/browser';
import { openTraceView } from '../shared/open-trace';
import type { TraceTarget } from '../shared/trace-page';

/** Id of the context-menu item. */
export const MENU_ID = 'trace-citation';
/** Id of the keyboard command (manifest `commands`). */
export const TRACE_COMMAND = 'trace-selection';

/** The parts of a context-menu click that decide the target (a subset of `Menus.OnClickData`). */
export interface ClickInfo {
  selectionText?: string;
  linkUrl?: string;
  pageUrl?: string;
}

/** Hosts whose URLs carry a document symbol in the path (`undocs.org/en/A/RES/73/195`). */
const SYMBOL_PATH_HOSTS = /(^|\.)(undocs\.org|docs\.un\.org)$/;
const LANG_SEGMENT = /^(en|fr|es|ru|zh|ar)$/i;

/**
 * The canonical key a UN document link points at, or undefined. Understands undocs.org/docs.un.org paths
 * (with or without a language segment) and `?symbol=` parameters (documents.un.org, ODS search links).
 * @example keyFromUrl('https://undocs.org/en/A/RES/73/195') // 'A/RES/73/195'
 */
export function keyFromUrl(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const param = u.searchParams.get('symbol') ?? u.searchParams.get('s');
  if (param) return parseKey(param)?.key;
  if (!SYMBOL_PATH_HOSTS.test(u.hostname)) return undefined;
  const segments = decodeURIComponent(u.pathname).split('/').filter(Boolean);
  if (segments[0] && LANG_SEGMENT.test(segments[0])) segments.shift();
  if (segments.length === 0) return undefined;
  return parseKey(segments.join('/'))?.key;
}

/**
 * Decides what a click asks to trace: a link to a UN document wins, then a selection that reads as a key,
 * then a selection as a search; with neither, the page itself (the view asks the tab).
 */
export function traceTargetFromClick(info: ClickInfo, tabId?: number): TraceTarget {
  const target: TraceTarget = tabId === undefined ? {} : { tabId };
  const linked = info.linkUrl ? keyFromUrl(info.linkUrl) : undefined;
  if (linked) return { ...target, key: linked };
  const selection = info.selectionText?.trim();
  if (selection) {
    const key = parseKey(selection)?.key;
    return key ? { ...target, key } : { ...target, query: selection.slice(0, 500) };
  }
  return target;
}

/** (Re)creates the context-menu item. Menus persist across worker restarts, so this runs on install/startup. */
export async function registerTraceMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: MENU_ID,
    title: t('menuTraceCitation'),
    contexts: ['selection', 'link', 'page'],
  });
}

/** The registered `contextMenus.onClicked` listener (tests check `hasListener(onMenuClick)`). */
export function onMenuClick(
  info: Menus.OnClickData,
  tab?: Tabs.Tab,
): Promise<'side-panel' | 'sidebar' | 'tab'> | undefined {
  if (info.menuItemId !== MENU_ID) return undefined;
  return openTraceView(traceTargetFromClick(info, tab?.id));
}

/** The registered `commands.onCommand` listener: the shortcut traces the page's selection or identity. */
export function onCommand(command: string, tab?: Tabs.Tab): Promise<unknown> | undefined {
  if (command !== TRACE_COMMAND) return undefined;
  // The selection lives in the page; the view asks the tab (`contextCitation`, then `pageCitations`).
  return openTraceView(tab?.id === undefined ? {} : { tabId: tab.id });
}
