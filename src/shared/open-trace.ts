/**
 * Opening the trace view, for the worker (menu, command, `openTrace` message) and for the popup (its
 * "Trace" button, a user gesture of its own).
 *
 * Where the view opens: Chrome's side panel when the API exists, Firefox's sidebar when it exists, else the
 * trace page in a new tab. Both panel APIs demand a user gesture, which Chrome and Firefox only honour
 * while the click/command event is being dispatched, so the panel is opened BEFORE any await; when the
 * browser refuses (no gesture, e.g. a call from a test or a message), the tab fallback runs.
 *
 * The same request is also written to `storage.session` (`traceRequest`), so an already open panel can
 * follow a new request without being reloaded.
 */
import { browser, chromeSidePanel, firefoxSidebar } from './browser';
import { type TraceTarget, tracePagePath } from './trace-page';

/** `storage.session` key of the latest trace request. */
export const TRACE_REQUEST_KEY = 'traceRequest';

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
