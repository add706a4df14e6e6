/** Find in the document (the toolbar's search box): reads every page's text, highlights and steps through hits. */

import { t } from '../shared/browser';
import { pageText } from './document-text';
import { findInPages } from './find-text';
import { currentPage, renderPage } from './pages';
import { mapRange } from './pdf-text';
import { $, state } from './state';
import { wrapItemRange } from './text-layer';

let findToken = 0;
let lastQuery = '';

/** Finds `query` (read anew when it changed) and moves to the next hit in `direction`. */
export async function runFind(query: string, direction: 1 | -1): Promise<void> {
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
    $('find-count').textContent = query.trim() ? t('viewerNoMatches') : '';
    return;
  }
  if (state.hit < 0) {
    const from = currentPage();
    const idx = state.hits.findIndex((h) => h.page >= from);
    state.hit = direction === 1 ? Math.max(idx, 0) : (idx <= 0 ? count : idx) - 1;
  } else state.hit = (state.hit + direction + count) % count;
  $('find-count').textContent = t('viewerFindCount', [String(state.hit + 1), String(count)]);
  const hit = state.hits[state.hit]!;
  const slot = state.slots[hit.page]!;
  await renderPage(slot);
  for (const s of state.slots) if (s.renderedAt) highlightHits(s.index);
  slot.el.querySelector('un-find-hit.current')?.scrollIntoView({ block: 'center' });
}

function clearHits(): void {
  for (const el of document.querySelectorAll('un-find-hit')) {
    el.replaceWith(...el.childNodes);
  }
  for (const div of document.querySelectorAll('.textLayer > span')) div.normalize();
}

/** Highlights the hits on a rendered page (the current one stands out). */
export function highlightHits(page: number): void {
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
