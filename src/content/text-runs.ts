/**
 * Flattens a page into text *runs*: maximal sequences of text nodes in document order that share one
 * block-level ancestor with no block boundary between them. A citation split over inline elements
 * ("resolution <a>73/195</a>", "<i>Treaty Series</i>, vol. 1771, No. 30822") is one string in one run, and
 * each run keeps the map from its offsets back to text nodes (hypothesis `text-range.ts`; style.md rule 4).
 *
 * The walk is resumable ({@link RunCollector}) so a big page is collected in small idle-time slices.
 */

import { CARD_HOST_TAG } from '../page-ui/marks';

// The scanner takes the extension's host element name from here, with the rest of what it needs to read a page.
export { CARD_HOST_TAG };

/** Elements whose text is never scanned: code, forms, editors, embedded documents, non-HTML namespaces. */
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'IFRAME',
  'FRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'HEAD',
  'TITLE',
  // A form control's caption: a mark there would nest a focusable element in the label of another.
  'LABEL',
]);

/** True when `node` is inside (or is) an element that must be left alone. */
export function insideSkipped(node: Node): boolean {
  for (
    let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    el;
    el = el.parentElement
  ) {
    if (isSkipped(el)) return true;
  }
  return false;
}

/** Phrasing elements: their text belongs to the enclosing block's run. */
const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'CODE',
  'DATA',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'DEL',
  'KBD',
  'MARK',
  'NOBR',
  'Q',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRIKE',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'TT',
  'U',
  'VAR',
  'WBR',
  'BR',
]);

const XHTML = 'http://www.w3.org/1999/xhtml';

/** One piece of a run: a text node and where its text starts in the run, or a virtual line break (`<br>`). */
export interface Segment {
  node: Text | null;
  start: number;
  length: number;
}

/** A run of text with its offset map. */
export interface TextRun {
  block: Element;
  text: string;
  segments: Segment[];
}

/** True when an element's subtree must be left alone (never scanned, never modified). */
export function isSkipped(el: Element): boolean {
  if (el.namespaceURI !== XHTML) return true; // SVG, MathML
  // The element names are read at each call: they are chosen when the content script starts (marks.ts).
  if (SKIP_TAGS.has(el.tagName) || el.tagName === CARD_HOST_TAG) return true;
  // The attribute, not `isContentEditable`: that property brings the page's style up to date first, so after any
  // change of style (a highlight drawn, the page's own) it would recalculate the whole document's style inside a
  // slice. The walk rejects an editable element's subtree, so the element that says `contenteditable` is the one
  // to catch; a document in design mode is all editable.
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  if (el.ownerDocument.designMode === 'on') return true;
  return el.getAttribute('aria-hidden') === 'true';
}

/** True for phrasing elements whose text joins the enclosing block's run. */
export function isInline(el: Element): boolean {
  return INLINE_TAGS.has(el.tagName);
}

/** Nearest non-inline ancestor of a node (the run's block). */
export function blockOf(node: Node): Element | null {
  let el = node.parentElement;
  while (el && isInline(el)) el = el.parentElement;
  return el;
}

/**
 * A resumable walk over a root's text. `next(deadline)` returns runs completed before `deadline()` says stop;
 * `done` tells when the walk has finished.
 */
export class RunCollector {
  private readonly walker: TreeWalker;
  private current: TextRun | null = null;
  done = false;

  constructor(root: Node) {
    const doc = root.ownerDocument ?? (root as Document);
    this.walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (n) =>
        n.nodeType === Node.ELEMENT_NODE && isSkipped(n as Element)
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT,
    });
  }

  /** Collects runs until `shouldStop()` is true or the walk ends. */
  next(shouldStop: () => boolean): TextRun[] {
    const out: TextRun[] = [];
    let n = 0;
    while (!this.done) {
      // Checking the clock every node costs more than the walk itself; every 64 nodes is fine-grained enough.
      if ((++n & 63) === 0 && shouldStop()) break;
      const node = this.walker.nextNode();
      if (!node) {
        this.flush(out);
        this.done = true;
        break;
      }
      if (node.nodeType === Node.TEXT_NODE) {
        this.addText(node as Text, out);
      } else if ((node as Element).tagName === 'BR') {
        if (this.current)
          this.current.segments.push({ node: null, start: this.current.text.length, length: 1 });
        if (this.current) this.current.text += '\n';
      } else if (!isInline(node as Element)) {
        // Entering a block ends the run of the enclosing block: text after it is a new run.
        this.flush(out);
      }
    }
    return out;
  }

  private addText(node: Text, out: TextRun[]): void {
    const block = blockOf(node);
    if (!block) return;
    if (this.current && this.current.block !== block) this.flush(out);
    if (!this.current) this.current = { block, text: '', segments: [] };
    this.current.segments.push({ node, start: this.current.text.length, length: node.data.length });
    this.current.text += node.data;
  }

  private flush(out: TextRun[]): void {
    const run = this.current;
    this.current = null;
    // Runs with no letter or digit cannot hold a citation.
    if (run && /[\p{L}\p{N}]/u.test(run.text)) out.push(run);
  }
}

/** All runs under `root` at once (for small roots: a changed block, a test). */
export function collectRuns(root: Node): TextRun[] {
  return new RunCollector(root).next(() => false);
}

/** The segment holding offset `at`; with `end` true, the one whose text ends at or after `at` (exclusive end). */
export function segmentAt(run: TextRun, at: number, end = false): Segment | undefined {
  return run.segments[segmentIndexAt(run, at, end)];
}

/** The index of {@link segmentAt}'s segment, or -1 (binary search: a run may have many thousand segments). */
export function segmentIndexAt(run: TextRun, at: number, end = false): number {
  const segs = run.segments;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segs[mid]!;
    const from = s.start;
    const to = s.start + s.length;
    const inside = end ? at > from && at <= to : at >= from && at < to;
    if (inside) return mid;
    if (end ? at <= from : at < from) hi = mid - 1;
    else lo = mid + 1;
  }
  return -1;
}
