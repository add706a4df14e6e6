import { isRtlText } from './line-order';

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

/**
 * Draws the text layer in the PDF's own fonts where they can draw it, so that a citation's mark lies on its
 * glyphs. pdf.js writes each item's text in a generic browser font stretched to the item's width
 * (`--scale-x`). The browser font's glyphs are not the PDF's, and on a justified line (often one item) the
 * PDF's extra width is in the spaces, not in the glyphs; so inside a long span the words drift off their ink,
 * several characters by the line's end, and a mark with them. pdf.js has already loaded the PDF's embedded
 * fonts for the canvas, under the items' `fontName`s. Where such a font maps the text's characters (a subset
 * font with a Unicode cmap, as browsers and office suites write), every word in it needs the same stretch:
 * that is the test, on the spans without spaces (four in five of their stretches within 2 % of the median). A font that passes
 * draws its spans: words keep their own stretch, and a span with spaces gets the common stretch, its spaces
 * taking the rest of its width as `word-spacing`. Fonts that fail (glyph codes without Unicode, Arabic shaping,
 * CJK fonts), and fonts of right-to-left text (shaped again by the browser), leave their spans as pdf.js made
 * them. `fonts[i]` is the `fontName` of `divs[i]`; pdf.js loads
 * the fonts while it paints the canvas, so this waits for `painted`. Marks already in the spans follow them.
 */
export async function useEmbeddedFonts(
  divs: readonly (HTMLElement | undefined)[],
  fonts: readonly (string | undefined)[],
  painted: Promise<unknown> = Promise.resolve(),
): Promise<void> {
  const groups = new Map<string, HTMLElement[]>();
  divs.forEach((d, i) => {
    const font = fonts[i];
    if (!d || !font || !/^[\w-]+$/.test(font) || d.dataset.unFont || !(d.textContent ?? '').trim()) return;
    if (d.style.getPropertyValue('--rotate')) return; // vertical or rotated text: left as it is
    const group = groups.get(font);
    if (group) group.push(d);
    else groups.set(font, [d]);
  });
  const layer = divs.find(Boolean)?.parentElement;
  const doc = layer?.ownerDocument;
  if (!layer || !doc) return;
  // A right-to-left page is left as pdf.js drew it: its spans are glyphs or short runs already.
  if (isRtlText(divs.map((d) => d?.textContent ?? '').join(''))) {
    layer.dataset.unFonts = '';
    return;
  }
  await painted.catch(() => {});
  // Only the fonts pdf.js added to the page (none when it draws glyphs as paths), once layout can use them.
  const loaded = new Set([...doc.fonts].map((f) => f.family.replace(/^"|"$/g, '')));
  for (const [font, ds] of groups) {
    // Right-to-left text is shaped by the browser, and a subset font's shaping tables are not the writer's.
    if (!loaded.has(font) || ds.some((d) => isRtlText(d.textContent ?? ''))) groups.delete(font);
  }
  await Promise.all([...groups.keys()].map((f) => doc.fonts.load(`16px "${f}"`).catch(() => [])));
  const used: string[] = [];
  for (const [font, all] of groups) {
    const ds = all.filter((d) => d.isConnected);
    // Read every width, switch the font, read again: two layouts per font, not two per span.
    const before = ds.map((d) => d.getBoundingClientRect().width);
    const generic = ds.map((d) => d.style.fontFamily);
    for (const d of ds) d.style.fontFamily = `"${font}", ${d.style.fontFamily}`;
    const after = ds.map((d) => d.getBoundingClientRect().width);
    const scale = ds.map((d) => Number.parseFloat(d.style.getPropertyValue('--scale-x')) || 1);
    // The stretch each span needs in the PDF's font to keep its width.
    const stretch = ds.map((_, j) => (after[j]! > 0 ? (scale[j]! * before[j]!) / after[j]! : 0));
    const words = stretch
      .filter(
        (t, j) => t > 0 && !/\s/.test(ds[j]!.textContent!.trim()) && ds[j]!.textContent!.trim().length >= 4,
      )
      .sort((a, b) => a - b);
    const common = words[Math.floor(words.length / 2)] ?? 0;
    // Kerning or a glyph the subset lacks may set one word apart; a font that draws other text sets most apart.
    const agreeing = words.filter((t) => Math.abs(t / common - 1) <= 0.02).length;
    if (words.length < 3 || agreeing < 0.8 * words.length) {
      ds.forEach((d, j) => {
        d.style.fontFamily = generic[j]!;
      });
      continue;
    }
    used.push(font);
    ds.forEach((d, j) => {
      const spaces = d.textContent!.trim().split(/\s+/).length - 1;
      if (spaces === 0 || stretch[j]! <= 0) {
        d.style.setProperty('--scale-x', String(stretch[j]));
      } else {
        // Pre-transform width in the PDF's font, and the transform's other factors (pdf.js's font-size scaling).
        const total = new DOMMatrix(getComputedStyle(d).transform).a;
        const natural = after[j]! / total;
        const other = total / scale[j]!;
        d.style.setProperty('--scale-x', String(common));
        d.style.wordSpacing = `${(before[j]! / (common * other) - natural) / spaces}px`;
      }
      d.dataset.unFont = '1';
    });
  }
  // Done (the e2e tests wait for it): the fonts now drawing the text layer, if any.
  layer.dataset.unFonts = used.join(' ');
}
