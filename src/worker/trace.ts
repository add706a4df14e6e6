/**
 * "Trace citation": the context-menu item, the keyboard command and the code that opens the trace view.
 *
 * Where the view opens: Chrome's side panel when the API exists, Firefox's sidebar when it exists, else the
 * trace page in a new tab. Both panel APIs demand a user gesture, which Chrome and Firefox only honour
 * while the click/command event is being dispatched, so the panel is opened BEFORE any await; when the
 * browser refuses (no gesture, e.g. a call from a test or a message), the tab fallback runs.
 *
 * The view learns what to trace from its URL: `?key=<canonical key>` or `?q=<text to search>`, plus
 * `&tab=<tab id>` when the request came from a page (the view can then ask that tab's content script for its
 * mentions, the citation under the right-click (`contextCitation`), or the page's identity).
 * The same request is also written to `storage.session` (`traceRequest`), so an already open panel can
 * follow a new request without being reloaded.
 */
import { parseKey } from '../core/index/keys';
import { browser, chromeSidePanel, firefoxSidebar, type Menus, type Tabs, t } from '../shared/browser';

/** Id of the context-menu item. */
export const MENU_ID = 'trace-citation';
/** Id of the keyboard command (manifest `commands`). */
export const TRACE_COMMAND = 'trace-selection';
/** The trace page inside the extension (built from `src/trace/index.html`). */
export const TRACE_PAGE = 'src/trace/index.html';
/** `storage.session` key of the latest trace request. */
export const TRACE_REQUEST_KEY = 'traceRequest';

/** What the trace view is asked to show. */
export interface TraceTarget {
  key?: string;
  query?: string;
  /** Tab the request came from, when any. */
  tabId?: number;
}

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

/** The trace page URL (relative to the extension root) for a target. */
export function tracePagePath(target: TraceTarget): string {
  const params = new URLSearchParams();
  if (target.key) params.set('key', target.key);
  if (target.query) params.set('q', target.query);
  if (target.tabId !== undefined) params.set('tab', String(target.tabId));
  const qs = params.toString();
  return qs ? `${TRACE_PAGE}?${qs}` : TRACE_PAGE;
}

/**
 * Opens the trace view for `target`. Call it synchronously from a user-gesture event (menu click, command)
 * so that the panel APIs accept it. Resolves to where it opened.
 */
export function openTraceView(target: TraceTarget): Promise<'side-panel' | 'sidebar' | 'tab'> {
  const path = tracePagePath(target);
  // Not awaited: the request is a convenience for an already open panel and must not delay the open call.
  void browser.storage.session?.set({ [TRACE_REQUEST_KEY]: { ...target, at: Date.now() } }).catch(() => {});
  const opening = openPanel(path, target.tabId);
  return opening.then(
    (surface) => surface,
    async () => {
      await browser.tabs.create({ url: browser.runtime.getURL(path) });
      return 'tab' as const;
    },
  );
}

/** Starts the panel open call in the same tick (gesture) and rejects when there is no panel API or no gesture. */
function openPanel(path: string, tabId: number | undefined): Promise<'side-panel' | 'sidebar'> {
  const side = chromeSidePanel();
  if (side && tabId !== undefined && tabId >= 0) {
    const setting = side.setOptions({ tabId, path, enabled: true });
    const opened = side.open({ tabId });
    return Promise.all([setting, opened]).then(() => 'side-panel' as const);
  }
  const bar = firefoxSidebar();
  if (bar) {
    const setting = bar.setPanel({ panel: browser.runtime.getURL(path) });
    const opened = bar.open();
    return Promise.all([setting, opened]).then(() => 'sidebar' as const);
  }
  return Promise.reject(new Error('no panel API'));
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
