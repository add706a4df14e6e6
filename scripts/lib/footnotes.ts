/**
 * Footnotes in the AKN4UN text export are inlined: each footnote's text is written inside the
 * paragraph at its marker AND repeated as its own list element right after the paragraph. This
 * module recovers the structure: which list elements are footnotes and where they sit.
 */

/** A paragraph with its footnotes located. */
export interface SplitParagraph {
  /** Paragraph text as exported (footnotes inlined). */
  text: string;
  /** The paragraph with the inlined footnote texts cut out (what the reader sees above the line). */
  body: string;
  /** Footnotes in order, with their position in `text` and the text just before them (their anchor). */
  notes: { text: string; start: number; end: number; anchor: string }[];
}

/**
 * Splits a `preamble` or `operative` list into paragraphs with their footnotes. A list element is a
 * footnote when it occurs, after the previous footnote, inside the nearest preceding paragraph.
 */
export function splitFootnotes(list: string[]): SplitParagraph[] {
  const out: SplitParagraph[] = [];
  let current: (SplitParagraph & { cursor: number }) | undefined;
  const finish = () => {
    if (!current) return;
    let body = '';
    let at = 0;
    for (const n of current.notes) {
      body += current.text.slice(at, n.start);
      at = n.end;
    }
    body += current.text.slice(at);
    out.push({ text: current.text, body: body.replace(/\s{2,}/g, ' '), notes: current.notes });
  };
  for (const el of list) {
    const t = el.trim();
    if (current && t.length > 0 && t.length < current.text.length) {
      const at = current.text.indexOf(t, current.cursor);
      if (at >= 0) {
        current.notes.push({ text: t, start: at, end: at + t.length, anchor: current.text.slice(0, at) });
        current.cursor = at + t.length;
        continue;
      }
    }
    finish();
    current = { text: t, body: t, notes: [], cursor: 0 };
  }
  finish();
  return out;
}
