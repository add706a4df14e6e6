/**
 * Test helper (imported by the viewer's unit tests only): lays out lines the way pdf.js reports a UN PDF page
 * (A4, baseline y upwards, Times 10 pt body, 8 pt notes, superscript markers at 62 % size raised 3.6 pt).
 * Widths use an average glyph width: the text builder compares positions, it never measures glyphs.
 */
import type { TextItemLike } from './pdf-text';

/** Text, or a superscript footnote marker. */
export type Run = string | { sup: string };

/** One line: its runs, baseline, left edge and font size. */
export interface LineSpec {
  runs: Run[];
  y: number;
  x?: number;
  size?: number;
}

/** The pdf.js text items of a page made of `lines`. */
export function layout(lines: LineSpec[]): TextItemLike[] {
  const items: TextItemLike[] = [];
  for (const line of lines) {
    const size = line.size ?? 10;
    let x = line.x ?? 72;
    // pdf.js starts each new line with an empty end-of-line item.
    items.push({ str: '', transform: [size, 0, 0, size, x, line.y], width: 0, hasEOL: true });
    for (const run of line.runs) {
      if (typeof run === 'string') {
        const w = run.length * size * 0.45;
        items.push({ str: run, transform: [size, 0, 0, size, x, line.y], width: w, height: size });
        x += w;
      } else {
        const s = size * 0.62;
        const w = run.sup.length * s * 0.5;
        items.push({ str: run.sup, transform: [s, 0, 0, s, x, line.y + size * 0.36], width: w, height: s });
        x += w;
        items.push({ str: ' ', transform: [s, 0, 0, s, x, line.y + size * 0.36], width: 2.5, height: 0 });
        x += 2.5;
      }
    }
  }
  return items;
}
