/**
 * Content-script entry (the manifest points here). On an enabled site: scan the page for UN citations, mark
 * each one, run the hover card (lens.ts, document-lens.ts), answer the tab protocol (tab-protocol.ts), and
 * follow the user's settings live (`storage.onChanged`). Same-origin iframes get their own scanner and card.
 *
 * What loads at start is kept small (`content_script_kb` in scripts/bench/page.ts): the finder and the instrument
 * gazetteer run in the worker (`find` message, src/worker/page-finder.ts), the hover card is a separate chunk
 * loaded on the first interaction with a mark (lazy-card.ts), and the core finder is loaded into the page only
 * if the worker cannot answer (worker-calls.ts).
 */

import { useUniqueElementNames } from '../page-ui/marks';
import { browser } from '../shared/browser';
import { sendToWorker } from '../shared/messaging';
import { opensInViewer } from '../shared/pdf-url';
import { isSiteEnabled, loadSettings, normalizeSettings, SETTINGS_KEY } from '../shared/settings';
import { Lens } from './lens';
import { initOpenWithCitations } from './open-with-citations';
import { answerTabProtocol } from './tab-protocol';

/** Set on the content script's globalThis once it runs (`Symbol.for`: a second copy finds the same one). */
const STARTED = Symbol.for('un-citation-lens/started');

async function main(): Promise<void> {
  // A second injection into the same frame (programmatic injection) must not double up. The flag lives in the
  // content script's own world (its globalThis), which the page can neither see nor set.
  const flag = globalThis as { [STARTED]?: boolean };
  if (flag[STARTED]) return;
  flag[STARTED] = true;
  // Before any element is made: names the page cannot have defined as custom elements (page-ui/marks.ts).
  useUniqueElementNames();

  const area = browser.storage.sync;
  const lens = new Lens(await loadSettings(area), document);
  if (isSiteEnabled(lens.settings, location.hostname)) lens.start();

  browser.storage.onChanged.addListener((changes, areaName) => {
    const change = changes[SETTINGS_KEY];
    if (areaName === 'sync' && change) lens.apply(normalizeSettings(change.newValue));
  });

  // Only the top frame answers the tab protocol (the worker addresses frameId 0).
  if (window !== window.top) return;
  // "Open with citations" on UN pages that show a PDF (src/content/open-with-citations.ts).
  if (isSiteEnabled(lens.settings, location.hostname)) {
    initOpenWithCitations(document, {
      auto: (file) => opensInViewer(lens.settings, file),
      open: (file, replace) => void sendToWorker('openViewer', { file, replace }),
    });
  }
  answerTabProtocol(lens);
}

void main();
