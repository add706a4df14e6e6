/**
 * The PDF viewer page (`viewer/index.html?file=<encoded url>`, or `?url=<url>` as the browser's redirect of UN
 * PDF addresses writes it: src/shared/pdf-url.ts): pdf.js renders each page (canvas + text layer) and the
 * text layer is annotated with the same finder and the same hover cards as web pages (src/page-ui/card-host.ts).
 *
 * Network: the extension bundles all its own data and makes no requests of its own. The one fetch here is the
 * PDF the user asked to open (`file`), made on the user's behalf exactly as the browser's PDF viewer would
 * make it; nothing about the document is sent anywhere. Only UN PDF addresses are fetched, or a file the user
 * chose from a link's context menu ({@link mayFetch}).
 *
 * Pages are rendered lazily as they scroll into view; page N is annotated from the text of pages N-1..N+1
 * (annotate.ts), so the first page is annotated before the rest of the document is read.
 *
 * This file opens the document and wires the parts: state.ts (what the page knows), document-text.ts (read and
 * annotate), pages.ts (render, zoom, scroll), mark-page.ts (marks in the text layer), find-in-page.ts,
 * toolbar.ts and status.ts (state and messages).
 */

import type { PDFDocumentProxy } from 'pdfjs-dist';
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { showUndoToast } from '../card/render';
import type { LookupState } from '../card/view-model';
import { CardHost } from '../page-ui/card-host';
import { browser, t } from '../shared/browser';
import { cardLangOf, linkLangOf } from '../shared/link-lang';
import { sendToWorker } from '../shared/messaging';
import { copyText, uiDir } from '../shared/page-env';
import { wasChosenFile } from '../shared/pdf-redirect';
import { isUnPdfUrl, viewerFile } from '../shared/pdf-url';
import { defaults, loadSettings } from '../shared/settings';
import { annotation, loadGazetteer, pageText, readIdentity } from './document-text';
import { highlightHits } from './find-in-page';
import { loadFailure } from './load-failure';
import { markPage } from './mark-page';
import { observeAll, renderPage, scaleFor, setTextLayerHandler, showZoom, sizeSlot } from './pages';
import { $, type Slot, state } from './state';
import { setStatus, showLoadFailure, showMessage, showRefusal } from './status';
import { enableControls, localizeToolbar, showWayOut, wireToolbar } from './toolbar';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

// A page's fresh text layer: its citations are marked (a citation that starts at the foot of the previous
// page ends on this one, so that page is read too), then the find hits are shown.
setTextLayerHandler(async (slot) => {
  if (slot.index > 0) await annotation(slot.index - 1);
  markPage(slot, await annotation(slot.index));
  highlightHits(slot.index);
});

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Whether the viewer may fetch `file`: a UN PDF address, or a file the user chose with "Open with citations"
 * on a link. Any page can open the viewer's address (it is web accessible, so that the browser can redirect UN
 * PDFs to it), and a typed or page-supplied address must not make the extension download from elsewhere.
 */
async function mayFetch(file: string): Promise<boolean> {
  return isUnPdfUrl(file) || (await wasChosenFile(file).catch(() => false));
}

async function lookup(key: string, volume?: number): Promise<LookupState> {
  const r = await sendToWorker('lookup', {
    key,
    lang: linkLangOf(state.settings),
    ...(volume ? { volume } : {}),
  });
  return r.ok ? { status: 'ok', card: r.value } : { status: 'error', error: r.error };
}

/** The page's title: what is shown, then the product ("A/RES/77/176 — UN Citation Lens"). */
function setTitle(what: string): void {
  document.title = `${what} — ${t('extName')}`;
}

async function start(): Promise<void> {
  setStatus('loading');
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.documentElement.dir = uiDir();
  localizeToolbar();
  wireToolbar();
  const file = viewerFile(location.search);
  if (!file) {
    setStatus('error');
    showMessage(t('viewerNoFile'));
    return;
  }
  state.file = file;
  setTitle(safeDecode(file.split(/[/?]/).filter(Boolean).pop() ?? file));
  if (!(await mayFetch(file))) {
    setStatus('refused');
    showRefusal(file);
    return;
  }
  showWayOut(file);
  performance.mark('viewer:start');
  // The user's own document, fetched on the user's behalf (see the header comment); settings load meanwhile.
  const loading = pdfjs.getDocument({ url: file }).promise;
  loading.catch(() => {}); // handled below, after the settings; this only keeps it from counting as unhandled
  const [settings] = await Promise.all([
    loadSettings(browser.storage.sync).catch(() => defaults),
    loadGazetteer(),
  ]);
  state.settings = settings;

  let doc: PDFDocumentProxy;
  try {
    doc = await loading;
  } catch (e) {
    setStatus('error');
    await showLoadFailure(loadFailure(e), file);
    return;
  }
  state.doc = doc;
  performance.mark('viewer:opened');
  ($('page-number') as HTMLInputElement).max = String(doc.numPages);
  $('page-count').textContent = `/ ${doc.numPages}`;

  // The same hover card as on web pages; it listens on the document, so marks added later are covered.
  new CardHost(
    document,
    {
      lookup,
      linkLang: () => linkLangOf(state.settings),
      get pageLang() {
        return state.lang;
      },
      cardLang: () => cardLangOf(state.settings, state.lang),
      trace: (key) => void sendToWorker('openTrace', { key }),
      // In the viewer "off" means this document: the marks stay but lose their highlight and card, and
      // a notice offers to undo it (one click on a card should never be a trap).
      siteOffLabel: t('cardDocumentOff'),
      siteOff: () => {
        document.body.classList.add('citations-off');
        showUndoToast(document, {
          text: t('viewerOffToast'),
          undoLabel: t('siteOffUndo'),
          onUndo: () => document.body.classList.remove('citations-off'),
        });
      },
      copy: copyText,
    },
    state.settings.hoverDelayMs,
  );

  const first = await doc.getPage(1);
  state.scale = scaleFor(first);
  showZoom();
  const base = first.getViewport({ scale: 1 });
  const viewer = $('viewer');
  for (let i = 0; i < doc.numPages; i++) {
    const el = document.createElement('div');
    el.className = 'page';
    el.dataset.page = String(i + 1);
    el.setAttribute('role', 'region');
    el.setAttribute('aria-label', t('viewerPageRegion', [String(i + 1), String(doc.numPages)]));
    const slot: Slot = { index: i, el, width: base.width, height: base.height, renderedAt: 0 };
    sizeSlot(slot);
    viewer.append(el);
    state.slots.push(slot);
  }

  const firstText = await pageText(0);
  // The masthead symbol is the identity; without one (a report reprint, an odd layout) the finder's reading.
  state.identity = await readIdentity();
  if (state.identity.key) {
    setTitle(state.identity.key);
    $('identity-key').textContent = state.identity.key;
  }
  await renderPage(state.slots[0]!);
  observeAll();

  // A scan has pages but no text: say so (the pages still show) instead of pretending there are no citations.
  const second = doc.numPages > 1 ? await pageText(1) : undefined;
  const noText = (firstText?.text.trim() ?? '') === '' && (second?.text.trim() ?? '') === '';
  // Find needs text; the pages, the zoom and "Trace citation" (of a document that says which it is) do not.
  enableControls({ doc: true, text: !noText });
  if (noText) {
    setStatus('no-text');
    showMessage(t('viewerNoText'), 'info');
    return;
  }
  setStatus('ready');
}

// Only as a tab's page. The viewer is web accessible (the browser's redirect needs that), so any site could
// frame it, and a framed viewer could be made to fetch a UN PDF behind the page's back or have its way out
// clicked unseen (which changes a setting); nothing opens it in a frame, so a frame gets an empty page.
if (window === window.top) {
  void start().catch((e: unknown) => {
    setStatus('error');
    showMessage(t('viewerFailed', e instanceof Error ? e.message : String(e)));
  });
}
