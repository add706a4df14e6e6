/**
 * The PDF viewer page (`viewer/index.html?file=<url>`): pdf.js renders each page (canvas + text layer) and the
 * text layer is annotated with the same finder and the same hover cards as web pages (src/page-ui/card-host.ts).
 *
 * Network: the extension bundles all its own data and makes no requests of its own. The one fetch here is the
 * PDF the user asked to open (`file`), made on the user's behalf exactly as the browser's PDF viewer would
 * make it; nothing about the document is sent anywhere.
 *
 * Pages are rendered lazily as they scroll into view; page N is annotated from the text of pages N-1..N+1
 * (annotate.ts), so the first page is annotated before the rest of the document is read.
 */

import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { LookupState } from '../card/view-model';
import { findCitations, type InstrumentMatcher } from '../core/find';
import type { Identity, Lang } from '../core/mention';
import { CardHost } from '../page-ui/card-host';
import { MARK_TAG, prepareMark } from '../page-ui/marks';
import { browser } from '../shared/browser';
import { linkLangOf } from '../shared/link-lang';
import { sendToWorker } from '../shared/messaging';
import { defaults, loadSettings, type Settings } from '../shared/settings';
import { shippedGazetteer } from '../shared/shipped-gazetteer';
import { annotatePage, type FindFn, type PageAnnotation, pdfIdentity } from './annotate';
import { type FindHit, findInPages } from './find-text';
import { buildPageText, mapRange, type PageText, type TextItemLike } from './pdf-text';
import { wrapItemRange } from './text-layer';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

const MIN_SCALE = 0.25;
const MAX_SCALE = 5;
const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];
/** Pages rendered ahead of the viewport (in viewport heights), so scrolling rarely shows a blank page. */
const RENDER_MARGIN = '150% 0px';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

interface Slot {
  index: number;
  el: HTMLDivElement;
  width: number;
  height: number;
  /** Scale the current canvas/text layer were made at (0 = nothing rendered). */
  renderedAt: number;
  rendering?: Promise<void>;
  textDivs?: HTMLElement[];
}

/** Everything the page knows; exposed read-only on `globalThis.__unViewer` for the e2e tests and the benchmark. */
const state = {
  file: '',
  doc: undefined as PDFDocumentProxy | undefined,
  slots: [] as Slot[],
  items: [] as (TextItemLike[] | undefined)[],
  contents: [] as (Awaited<ReturnType<PDFPageProxy['getTextContent']>> | undefined)[],
  texts: [] as (PageText | undefined)[],
  annotations: [] as (PageAnnotation | undefined)[],
  identity: { spans: [] } as Identity,
  lang: 'en' as Lang,
  scale: 1,
  zoom: 'page-width' as string,
  hits: [] as FindHit[],
  hit: -1,
  settings: defaults as Settings,
  /** ms from navigation start to the first page annotated (the `pdf_first_page_ms` benchmark figure). */
  firstPageMs: undefined as number | undefined,
};
(globalThis as { __unViewer?: typeof state }).__unViewer = state;

let gazetteer: InstrumentMatcher | undefined;
const find: FindFn = (text, options) => findCitations(text, gazetteer ? { ...options, gazetteer } : options);

/**
 * Instrument titles ("Paris Agreement") from the gazetteer the extension ships. Without it the viewer still
 * finds every numbered citation.
 */
async function loadGazetteer(): Promise<void> {
  gazetteer = await shippedGazetteer((p) => browser.runtime.getURL(p))();
  if (gazetteer) performance.mark('viewer:gazetteer');
}

function setStatus(s: 'loading' | 'ready' | 'error' | 'no-text'): void {
  document.documentElement.dataset.viewerState = s;
}

function showMessage(text: string, kind: 'error' | 'info' = 'error', extra?: HTMLElement[]): void {
  const box = $('message');
  box.replaceChildren(document.createTextNode(text));
  if (state.file) {
    const a = document.createElement('a');
    a.href = state.file;
    a.textContent = 'Open the original';
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    box.append(' ', a);
  }
  for (const e of extra ?? []) box.append(' ', e);
  box.className = kind;
  box.hidden = false;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The PDF address from `?file=`; only web addresses (and blob: from the extension itself) are opened. */
function fileParam(): string | undefined {
  const raw = new URLSearchParams(location.search).get('file');
  if (!raw) return undefined;
  try {
    const u = new URL(raw);
    return /^(?:https?|blob):$/.test(u.protocol) ? u.href : undefined;
  } catch {
    return undefined;
  }
}

const textJobs = new Map<number, Promise<PageText | undefined>>();

/** The page's text (read once: rendering, annotation and find share it). */
function pageText(i: number): Promise<PageText | undefined> {
  const doc = state.doc;
  if (!doc || i < 0 || i >= doc.numPages) return Promise.resolve(undefined);
  let job = textJobs.get(i);
  if (!job) {
    job = readPageText(doc, i);
    textJobs.set(i, job);
  }
  return job;
}

async function readPageText(doc: PDFDocumentProxy, i: number): Promise<PageText | undefined> {
  const page = await doc.getPage(i + 1);
  // Without `includeMarkedContent` every entry is a text item, so item i is text-layer span i.
  const content = await page.getTextContent();
  const items = content.items as TextItemLike[];
  state.contents[i] = content;
  state.items[i] = items;
  // Page 1 first: its masthead gives the identity every later page needs for its running heads.
  const identity = i === 0 ? undefined : (await pageText(0))?.mastheadSymbol;
  const text = buildPageText(items, {
    pageHeight: page.view[3]! - page.view[1]!,
    pageNumber: i + 1,
    ...(identity ? { identity } : {}),
  });
  state.texts[i] = text;
  return text;
}

async function annotation(i: number): Promise<PageAnnotation> {
  const have = state.annotations[i];
  if (have) return have;
  await Promise.all([pageText(i - 1), pageText(i), pageText(i + 1)]);
  const done = state.annotations[i]; // another caller finished while this one waited
  if (done) return done;
  const result = annotatePage(state.texts, i, find, state.identity);
  state.annotations[i] = result;
  if (i === 0) state.lang = result.lang;
  return result;
}

function scaleFor(page: PDFPageProxy): number {
  if (state.zoom === 'page-width') {
    const width = page.getViewport({ scale: 1 }).width;
    const avail = Math.max(320, $('viewer').clientWidth - 48);
    return Math.min(MAX_SCALE, Math.max(MIN_SCALE, avail / width));
  }
  return Number(state.zoom) || 1;
}

function sizeSlot(slot: Slot): void {
  slot.el.style.setProperty('--scale-factor', String(state.scale));
  slot.el.style.width = `${Math.floor(slot.width * state.scale)}px`;
  slot.el.style.height = `${Math.floor(slot.height * state.scale)}px`;
}

async function renderPage(slot: Slot): Promise<void> {
  if (slot.renderedAt === state.scale) return;
  if (slot.rendering) return slot.rendering;
  const run = (async () => {
    const doc = state.doc!;
    const scale = state.scale;
    const page = await doc.getPage(slot.index + 1);
    const viewport = page.getViewport({ scale });
    const dpr = window.devicePixelRatio || 1;
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width * dpr);
    canvas.height = Math.floor(viewport.height * dpr);
    canvas.style.width = `${Math.floor(viewport.width)}px`;
    canvas.style.height = `${Math.floor(viewport.height)}px`;
    canvas.setAttribute('aria-hidden', 'true');
    const layer = document.createElement('div');
    layer.className = 'textLayer';
    // Text layer and citations first, the picture after: the reader can hover citations while the canvas paints.
    await pageText(slot.index);
    const textLayer = new pdfjs.TextLayer({
      textContentSource: state.contents[slot.index] ?? (await page.getTextContent()),
      container: layer,
      viewport,
    });
    await textLayer.render();
    if (scale !== state.scale) return; // zoom changed meanwhile: the next pass renders again
    slot.el.replaceChildren(canvas, layer);
    slot.textDivs = textLayer.textDivs;
    slot.renderedAt = scale;
    if (slot.index === 0) performance.mark('viewer:textlayer');
    // A citation that starts at the foot of the previous page ends on this one: read that page too.
    if (slot.index > 0) await annotation(slot.index - 1);
    markPage(slot, await annotation(slot.index));
    highlightHits(slot.index);
    await page.render({ canvas, viewport, ...(dpr !== 1 ? { transform: [dpr, 0, 0, dpr, 0, 0] } : {}) })
      .promise;
    if (slot.index === 0) performance.mark('viewer:canvas');
  })();
  slot.rendering = run;
  try {
    await run;
  } finally {
    slot.rendering = undefined;
  }
  // The zoom changed while this page rendered: render it again at the new scale if it is (nearly) in view.
  if (slot.renderedAt !== state.scale) {
    const r = slot.el.getBoundingClientRect();
    if (r.bottom > -innerHeight && r.top < 2 * innerHeight) await renderPage(slot);
  }
}

/** Wraps the page's mentions in `<un-cite>` marks (the same elements and attributes as on web pages). */
function markPage(slot: Slot, ann: PageAnnotation): void {
  const divs = slot.textDivs ?? [];
  const all = state.annotations.flatMap((a) => a?.mentions ?? []);
  for (const m of all) {
    // The user's choice of kinds applies here as on web pages.
    if (state.settings.kinds[m.kind] === false) continue;
    const pieces = m.pieces.filter((p) => p.page === slot.index);
    if (pieces.length === 0) continue;
    const id = `pdf-${m.page}-${m.offset}`;
    let headDone = pieces[0] !== m.pieces[0];
    for (const p of pieces) {
      const div = divs[p.item];
      if (!div) continue;
      for (const mark of wrapItemRange(div, p.from, p.to, MARK_TAG.toLowerCase())) {
        mark.dataset.unKey = m.key;
        mark.dataset.unKind = m.kind;
        mark.dataset.unId = id;
        if (m.date) mark.dataset.unDate = m.date;
        if (m.part) mark.dataset.unPart = m.part;
        if (m.volume) mark.dataset.unVolume = String(m.volume);
        if (m.note) mark.dataset.unNote = m.note;
        if (!headDone) {
          headDone = true;
          mark.dataset.unHead = '';
          mark.setAttribute('aria-label', `${m.surface} (${m.kind})`);
          prepareMark(mark);
        }
      }
    }
  }
  // Footnote markers: the footnote text as a tooltip, so the reader sees what a marker cites without scrolling.
  for (const note of ann.notes) {
    const div = divs[note.item];
    if (!div || !note.noteText) continue;
    for (const el of wrapItemRange(div, 0, div.textContent?.length ?? 0, 'un-cite-note')) {
      el.title = `${note.label} ${note.noteText}`;
    }
  }
  slot.el.dataset.annotated = String(ann.mentions.length);
  if (slot.index === 0 && state.firstPageMs === undefined) {
    state.firstPageMs = performance.now();
    document.documentElement.dataset.firstPageMs = state.firstPageMs.toFixed(1);
  }
  updateCitationCount();
}

function updateCitationCount(): void {
  const total = state.annotations.reduce((s, a) => s + (a?.mentions.length ?? 0), 0);
  const read = state.annotations.filter(Boolean).length;
  const pages = state.doc?.numPages ?? 0;
  $('citation-count').textContent =
    read < pages ? `${total} citations (${read}/${pages} pages read)` : `${total} citations`;
}

function currentPage(): number {
  // The page under the toolbar's lower edge (plus a little) is the current one.
  const top = (document.querySelector('.toolbar')?.getBoundingClientRect().bottom ?? 0) + 40;
  for (const slot of state.slots) {
    const r = slot.el.getBoundingClientRect();
    if (r.bottom > top) return slot.index;
  }
  return 0;
}

function goToPage(i: number): void {
  const slot = state.slots[Math.max(0, Math.min(state.slots.length - 1, i))];
  if (!slot) return;
  slot.el.scrollIntoView({ block: 'start' });
  ($('page-number') as HTMLInputElement).value = String(slot.index + 1);
  void renderPage(slot);
}

async function applyZoom(zoom: string): Promise<void> {
  const keep = currentPage();
  state.zoom = zoom;
  const first = await state.doc!.getPage(1);
  state.scale = scaleFor(first);
  const select = $('zoom') as HTMLSelectElement;
  select.value = [...select.options].some((o) => o.value === zoom) ? zoom : '';
  for (const slot of state.slots) {
    sizeSlot(slot);
    if (slot.renderedAt) {
      slot.renderedAt = 0;
      slot.el.replaceChildren();
    }
  }
  goToPage(keep);
  observeAll();
}

let observer: IntersectionObserver | undefined;
let evictor: IntersectionObserver | undefined;
/** Pages farther than this from the viewport give their canvas back (a 500-page report must not hold 500). */
const KEEP_MARGIN = '600% 0px';

function observeAll(): void {
  evictor?.disconnect();
  evictor = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (e.isIntersecting) continue;
        const slot = state.slots.find((s) => s.el === e.target);
        if (!slot?.renderedAt || slot.rendering) continue;
        slot.el.replaceChildren();
        slot.renderedAt = 0;
        slot.textDivs = undefined;
        delete slot.el.dataset.annotated;
      }
    },
    { root: null, rootMargin: KEEP_MARGIN },
  );
  for (const slot of state.slots) evictor.observe(slot.el);
  observer?.disconnect();
  observer = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        const slot = state.slots.find((s) => s.el === e.target);
        if (slot) void renderPage(slot);
      }
    },
    { root: null, rootMargin: RENDER_MARGIN },
  );
  for (const slot of state.slots) observer.observe(slot.el);
}

// ---- find in page ----------------------------------------------------------------------------------------------

let findToken = 0;
async function runFind(query: string, direction: 1 | -1): Promise<void> {
  const doc = state.doc;
  if (!doc) return;
  const token = ++findToken;
  if (query !== lastQuery) {
    lastQuery = query;
    // Find reads every page's text (not rendering it); a long document fills in as pages are read.
    for (let i = 0; i < doc.numPages; i++) await pageText(i);
    if (token !== findToken) return;
    state.hits = findInPages(state.texts, query);
    state.hit = -1;
  }
  clearHits();
  const count = state.hits.length;
  if (count === 0) {
    $('find-count').textContent = query.trim() ? 'No matches' : '';
    return;
  }
  if (state.hit < 0) {
    const from = currentPage();
    const idx = state.hits.findIndex((h) => h.page >= from);
    state.hit = direction === 1 ? Math.max(idx, 0) : (idx <= 0 ? count : idx) - 1;
  } else state.hit = (state.hit + direction + count) % count;
  $('find-count').textContent = `${state.hit + 1} of ${count}`;
  const hit = state.hits[state.hit]!;
  const slot = state.slots[hit.page]!;
  await renderPage(slot);
  for (const s of state.slots) if (s.renderedAt) highlightHits(s.index);
  slot.el.querySelector('un-find-hit.current')?.scrollIntoView({ block: 'center' });
}
let lastQuery = '';

function clearHits(): void {
  for (const el of document.querySelectorAll('un-find-hit')) {
    el.replaceWith(...el.childNodes);
  }
  for (const div of document.querySelectorAll('.textLayer > span')) div.normalize();
}

function highlightHits(page: number): void {
  const slot = state.slots[page];
  const text = state.texts[page];
  if (!slot?.textDivs || !text) return;
  state.hits.forEach((h, k) => {
    if (h.page !== page) return;
    for (const r of mapRange(text.segments, h.start, h.end)) {
      const div = slot.textDivs![r.item];
      if (!div) continue;
      for (const el of wrapItemRange(div, r.from, r.to, 'un-find-hit'))
        if (k === state.hit) el.classList.add('current');
    }
  });
}

// ---- start ----------------------------------------------------------------------------------------------------

async function lookup(key: string): Promise<LookupState> {
  const r = await sendToWorker('lookup', { key, lang: linkLangOf(state.settings) });
  return r.ok ? { status: 'ok', card: r.value } : { status: 'error', error: r.error };
}

function wireToolbar(): void {
  $('prev-page').addEventListener('click', () => goToPage(currentPage() - 1));
  $('next-page').addEventListener('click', () => goToPage(currentPage() + 1));
  $('page-number').addEventListener('change', (e) =>
    goToPage(Number((e.target as HTMLInputElement).value) - 1),
  );
  // Enter jumps to the top of the page even when the number did not change (no change event then).
  $('page-number').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') goToPage(Number((e.target as HTMLInputElement).value) - 1);
  });
  $('zoom').addEventListener('change', (e) => void applyZoom((e.target as HTMLSelectElement).value));
  const stepZoom = (dir: 1 | -1) => {
    const next =
      dir === 1
        ? (ZOOM_STEPS.find((z) => z > state.scale + 0.01) ?? MAX_SCALE)
        : ([...ZOOM_STEPS].reverse().find((z) => z < state.scale - 0.01) ?? MIN_SCALE);
    void applyZoom(String(next));
  };
  $('zoom-in').addEventListener('click', () => stepZoom(1));
  $('zoom-out').addEventListener('click', () => stepZoom(-1));
  $('find-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void runFind(($('find') as HTMLInputElement).value, 1);
  });
  $('find-prev').addEventListener('click', () => void runFind(($('find') as HTMLInputElement).value, -1));
  $('find').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.shiftKey) {
      e.preventDefault();
      void runFind(($('find') as HTMLInputElement).value, -1);
    } else if (e.key === 'Escape') {
      ($('find') as HTMLInputElement).value = '';
      void runFind('', 1);
    }
  });
  $('trace-doc').addEventListener('click', () => {
    if (state.identity.key) void sendToWorker('openTrace', { key: state.identity.key });
  });
  document.addEventListener('keydown', (e) => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === 'f') {
      e.preventDefault();
      ($('find') as HTMLInputElement).select();
    } else if (mod && (e.key === '=' || e.key === '+')) {
      e.preventDefault();
      stepZoom(1);
    } else if (mod && e.key === '-') {
      e.preventDefault();
      stepZoom(-1);
    } else if (e.altKey && e.key === 'PageDown') {
      e.preventDefault();
      goToPage(currentPage() + 1);
    } else if (e.altKey && e.key === 'PageUp') {
      e.preventDefault();
      goToPage(currentPage() - 1);
    }
  });
  let ticking = false;
  document.addEventListener(
    'scroll',
    () => {
      if (ticking) return;
      ticking = true;
      requestAnimationFrame(() => {
        ticking = false;
        const input = $('page-number') as HTMLInputElement;
        if (document.activeElement !== input) input.value = String(currentPage() + 1);
      });
    },
    { passive: true },
  );
}

async function grantButton(url: string): Promise<HTMLElement[]> {
  // A UN host the extension may not read yet: the user can grant it here (a click is the required gesture).
  let origin: string;
  try {
    origin = `${new URL(url).origin}/*`;
  } catch {
    return [];
  }
  if (!/^https?:/.test(origin) || !browser.permissions) return [];
  const has = await browser.permissions.contains({ origins: [origin] }).catch(() => true);
  if (has) return [];
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = `Allow reading PDFs from ${new URL(url).host}`;
  b.addEventListener('click', async () => {
    if (await browser.permissions.request({ origins: [origin] }).catch(() => false)) location.reload();
  });
  return [b];
}

async function start(): Promise<void> {
  setStatus('loading');
  wireToolbar();
  const file = fileParam();
  if (!file) {
    setStatus('error');
    showMessage('No PDF to show: the viewer opens a PDF given as ?file=<address of the PDF>.');
    return;
  }
  state.file = file;
  const original = document.createElement('a');
  original.id = 'original';
  original.href = file;
  original.textContent = 'Original PDF';
  original.target = '_blank';
  original.rel = 'noopener noreferrer';
  $('original-slot').replaceWith(original);
  document.title = `${safeDecode(file.split(/[/?]/).filter(Boolean).pop() ?? file)} — UN Citation Lens`;
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
    const name = e instanceof Error ? e.name : '';
    const why =
      name === 'InvalidPDFException'
        ? 'This file is not a readable PDF.'
        : name === 'PasswordException'
          ? 'This PDF is password-protected; open the original to enter the password.'
          : '';
    showMessage(`The PDF could not be opened. ${why}`.trim(), 'error', await grantButton(file));
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
      trace: (key) => void sendToWorker('openTrace', { key }),
      // In the viewer "off" means this document: the marks stay but lose their highlight and card.
      siteOff: () => document.body.classList.add('citations-off'),
      copy: async (text) => {
        try {
          await navigator.clipboard.writeText(text);
          return true;
        } catch {
          return false;
        }
      },
    },
    state.settings.hoverDelayMs,
  );

  const first = await doc.getPage(1);
  state.scale = scaleFor(first);
  const base = first.getViewport({ scale: 1 });
  const viewer = $('viewer');
  for (let i = 0; i < doc.numPages; i++) {
    const el = document.createElement('div');
    el.className = 'page';
    el.dataset.page = String(i + 1);
    el.setAttribute('role', 'region');
    el.setAttribute('aria-label', `Page ${i + 1} of ${doc.numPages}`);
    const slot: Slot = { index: i, el, width: base.width, height: base.height, renderedAt: 0 };
    sizeSlot(slot);
    viewer.append(el);
    state.slots.push(slot);
  }

  const firstText = await pageText(0);
  // The masthead symbol is the identity; without one (a report reprint, an odd layout) the finder's reading.
  state.identity = pdfIdentity(
    firstText,
    firstText?.mastheadSymbol ? undefined : annotatePage(state.texts, 0, find).identity,
  );
  if (state.identity.key) {
    document.title = `${state.identity.key} — UN Citation Lens`;
    $('identity-key').textContent = state.identity.key;
    $('identity').hidden = false;
  }
  await renderPage(state.slots[0]!);
  observeAll();

  // A scan has pages but no text: say so (the pages still show) instead of pretending there are no citations.
  const second = doc.numPages > 1 ? await pageText(1) : undefined;
  const noText = (firstText?.text.trim() ?? '') === '' && (second?.text.trim() ?? '') === '';
  if (noText) {
    setStatus('no-text');
    showMessage(
      'This PDF has no text layer (it is probably a scanned image), so its citations cannot be found.',
      'info',
    );
    return;
  }
  setStatus('ready');
}

void start().catch((e: unknown) => {
  setStatus('error');
  showMessage(`The viewer failed: ${e instanceof Error ? e.message : String(e)}`);
});
