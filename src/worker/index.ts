/**
 * The background worker (Chrome: module service worker; Firefox: module event page, same code).
 *
 * Every listener is added synchronously at the top level: an MV3 worker that the browser woke for an event
 * only receives that event if the listener exists by the end of the first turn. Nothing important lives in
 * module variables: the index is reopened lazily after each wake (index-service.ts), the context menu is
 * persisted by the browser (recreated on install and startup), and the last trace request is in
 * `storage.session`.
 */

import { openIndex } from '../core/index';
import type { Lang } from '../core/mention';
import { browser } from '../shared/browser';
import { readerLang } from '../shared/link-lang';
import { loadMessageTable, type MessageTable } from '../shared/messages';
import { createWorkerListener } from '../shared/messaging';
import { openTraceView } from '../shared/open-trace';
import { shippedGazetteer } from '../shared/shipped-gazetteer';
import { createHandlers } from './handlers';
import { createIndexService, extensionFetcher } from './index-service';
import { registerOmnibox } from './omnibox';
import { createPageFinder } from './page-finder';
import { registerPdfRedirect } from './pdf-redirect';
import { MENU_ID, onCommand, onMenuClick, registerTraceMenu, TRACE_COMMAND } from './trace';
import { onViewerMenuClick, openViewer, registerViewerMenu, VIEWER_MENU_ID } from './viewer-menu';

// The shipped index, opened without reading its manifest: a cold lookup reads one file, its key's shard.
const index = createIndexService(async () => openIndex(extensionFetcher((p) => browser.runtime.getURL(p))));

/** Message tables read so far (six at most; a reloaded worker reads them again). */
const tables = new Map<Lang, Promise<MessageTable>>();
function messages(lang: Lang): Promise<MessageTable> {
  let table = tables.get(lang);
  if (!table) {
    table = loadMessageTable(lang, (p) => browser.runtime.getURL(p));
    // A failed read is not kept: the next card asks again.
    table.catch(() => tables.delete(lang));
    tables.set(lang, table);
  }
  return table;
}

const handlers = createHandlers<import('../shared/browser').Runtime.MessageSender>({
  index,
  linkLang: readerLang,
  messages,
  openTrace: openTraceView,
  version: browser.runtime.getManifest().version,
  openViewer, // VIEWER helper: the `openViewer` message (src/worker/viewer-menu.ts)
  // HOVER helper: content scripts' finder with the shipped gazetteer (src/worker/page-finder.ts).
  find: createPageFinder(shippedGazetteer((p) => browser.runtime.getURL(p))),
});

browser.runtime.onMessage.addListener(createWorkerListener(handlers));
// The viewer's "Open with citations" link item is created after the trace menu (which starts with removeAll).
browser.runtime.onInstalled.addListener(() => registerTraceMenu().then(() => registerViewerMenu()));
browser.runtime.onStartup.addListener(() => registerTraceMenu().then(() => registerViewerMenu()));
browser.contextMenus.onClicked.addListener(onMenuClick);
browser.contextMenus.onClicked.addListener(onViewerMenuClick);
browser.commands.onCommand.addListener(onCommand);
registerOmnibox(index, readerLang);
// UN PDF addresses go straight to the viewer (declarativeNetRequest rules kept in step with the settings).
registerPdfRedirect();

/**
 * Handles for the e2e tests, which run code inside this worker (`serviceWorker.evaluate`): they check that
 * the listener registered above IS `onMenuClick` and call it. Exposes nothing a page could reach.
 */
Object.assign(globalThis, {
  __unCitationLens: {
    MENU_ID,
    TRACE_COMMAND,
    onMenuClick,
    onCommand,
    handlers,
    index,
    VIEWER_MENU_ID,
    onViewerMenuClick,
  },
});
