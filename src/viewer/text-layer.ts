/**
 * The viewer's only DOM surgery on the pdf.js text layer: wrapping a character range of one text-layer span (one
 * pdf.js text item) in an element. The span's text is split, never rewritten, so selection and copy still give
 * the PDF's text; ranges already wrapped (a citation, then a find hit inside it) nest instead of breaking.
 */

/**
 * Wraps characters `[from, to)` of `span`'s text in new `tag` elements (one per text node the range crosses)
 * and returns them in order.
 */
export function wrapItemRange(span: HTMLElement, from: number, to: number, tag: string): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (to <= from) return out;
  const doc = span.ownerDocument;
  const walker = doc.createTreeWalker(span, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  let pos = 0;
  for (const node of nodes) {
    const start = pos;
    const end = pos + node.data.length;
    pos = end;
    const a = Math.max(from, start);
    const z = Math.min(to, end);
    if (z <= a) continue;
    let target = node;
    if (a > start) target = target.splitText(a - start);
    if (z < end) target.splitText(z - a);
    const el = doc.createElement(tag);
    target.replaceWith(el);
    el.append(target);
    out.push(el);
  }
  return out;
}
