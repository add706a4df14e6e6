/**
 * Marking a rendered page: its mentions become `<un-cite>` marks in the text layer (the same elements and
 * attributes as on web pages, written by src/page-ui/marks.ts, so the same card host reads them), and its
 * footnote markers get the footnote as a tooltip.
 */

import { MARK, prepareMark, writeMark } from '../page-ui/marks';
import { t } from '../shared/browser';
import { plural } from '../ui/plural';
import type { PageAnnotation } from './annotate';
import { $, type Slot, state } from './state';
import { useEmbeddedFonts, wrapItemRange } from './text-layer';

/** Wraps the page's mentions in marks and its footnote markers in tooltips. */
export function markPage(slot: Slot, ann: PageAnnotation): void {
  const divs = slot.textDivs ?? [];
  // The text layer in the PDF's own fonts, so that marks drawn inside its spans sit on the glyphs.
  const items = state.items[slot.index] as ({ fontName?: string } | undefined)[] | undefined;
  void useEmbeddedFonts(
    divs,
    divs.map((_, i) => items?.[i]?.fontName),
    slot.rendering,
  );
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
      for (const mark of wrapItemRange(div, p.from, p.to, MARK)) {
        writeMark(mark, { ...m, id }, !headDone);
        if (!headDone) {
          headDone = true;
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
    read < pages
      ? plural(t, 'viewerCitationsReading', total, [String(read), String(pages)])
      : plural(t, 'viewerCitations', total);
}
