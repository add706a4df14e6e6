/**
 * Page rendering: pdf.js draws each page (text layer first, then the canvas) as it scrolls into view, pages far
 * from the viewport give their canvas back, and the zoom re-renders what is in view.
 */

import type { PDFPageProxy } from 'pdfjs-dist';
import * as pdfjs from 'pdfjs-dist';
import { pageText } from './document-text';
import { $, type Slot, state } from './state';

/** Smallest and largest zoom. */
export const MIN_SCALE = 0.25;
export const MAX_SCALE = 5;
/** The zoom box's choices and the steps of − and + (Chrome's own PDF viewer steps, 25 % to 500 %). */
export const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4, 5];
/** Pages rendered ahead of the viewport (in viewport heights), so scrolling rarely shows a blank page. */
const RENDER_MARGIN = '150% 0px';

/**
 * What runs on a page once its text layer is in place, before its canvas is painted (main.ts: annotate and
 * mark it, then show find hits), so the reader can hover citations while the canvas paints.
 */
let onTextLayer: (slot: Slot) => Promise<void> = async () => {};

/** Sets what runs on each page's fresh text layer. */
export function setTextLayerHandler(handler: (slot: Slot) => Promise<void>): void {
  onTextLayer = handler;
}

/** The scale for the current zoom (`page-width` fits the viewer's width). */
export function scaleFor(page: PDFPageProxy): number {
  if (state.zoom === 'page-width') {
    const width = page.getViewport({ scale: 1 }).width;
    const avail = Math.max(320, $('viewer').clientWidth - 48);
    return Math.min(MAX_SCALE, Math.max(MIN_SCALE, avail / width));
  }
  return Number(state.zoom) || 1;
}

/** Sizes a page slot for the current scale (before it renders). */
export function sizeSlot(slot: Slot): void {
  slot.el.style.setProperty('--scale-factor', String(state.scale));
  slot.el.style.width = `${Math.floor(slot.width * state.scale)}px`;
  slot.el.style.height = `${Math.floor(slot.height * state.scale)}px`;
}

/** Renders a page at the current scale (once; a call while it renders waits for that render). */
export async function renderPage(slot: Slot): Promise<void> {
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
    await onTextLayer(slot);
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

/** The index of the page the reader is on. */
export function currentPage(): number {
  // The page under the toolbar's lower edge (plus a little) is the current one.
  const top = (document.querySelector('.toolbar')?.getBoundingClientRect().bottom ?? 0) + 40;
  for (const slot of state.slots) {
    const r = slot.el.getBoundingClientRect();
    if (r.bottom > top) return slot.index;
  }
  return 0;
}

/** Scrolls to page `i` (clamped) and renders it. */
export function goToPage(i: number): void {
  const slot = state.slots[Math.max(0, Math.min(state.slots.length - 1, i))];
  if (!slot) return;
  slot.el.scrollIntoView({ block: 'start' });
  ($('page-number') as HTMLInputElement).value = String(slot.index + 1);
  void renderPage(slot);
}

/** A scale as the reader's percentage ("110%", "110 %", "١١٠٪"). */
export function percent(scale: number): string {
  return new Intl.NumberFormat(document.documentElement.lang || undefined, {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(scale);
}

/**
 * Shows the current zoom in the zoom box: "Page width" with the scale it comes to, a step by its percentage,
 * and any other scale as an extra choice with its percentage, so the box never goes blank.
 */
export function showZoom(): void {
  const select = $('zoom') as HTMLSelectElement;
  const width = select.querySelector<HTMLOptionElement>('option[value="page-width"]');
  if (width) width.textContent = `${width.dataset.label ?? ''} (${percent(state.scale)})`;
  const preset = [...select.options].some((o) => o.value === state.zoom && !o.classList.contains('custom'));
  let custom = select.querySelector<HTMLOptionElement>('option.custom');
  if (preset) custom?.remove();
  else {
    if (!custom) {
      custom = document.createElement('option');
      custom.className = 'custom';
      select.append(custom);
    }
    custom.value = state.zoom;
    custom.textContent = percent(state.scale);
  }
  select.value = state.zoom;
}

/** Changes the zoom, keeping the reader on the same page. */
export async function applyZoom(zoom: string): Promise<void> {
  if (!state.doc) return;
  const keep = currentPage();
  state.zoom = zoom;
  const first = await state.doc.getPage(1);
  state.scale = scaleFor(first);
  showZoom();
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

/** (Re)starts the observers that render pages near the viewport and evict those far from it. */
export function observeAll(): void {
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
