/**
 * Marks one mention in the page: the only code that changes the page's nodes (style.md rule 4).
 *
 * The choice for a range that spans several text nodes:
 * 1. If the range, after splitting the two edge text nodes, covers whole consecutive children of their lowest
 *    common ancestor (e.g. "resolution " + `<a>73/195</a>`, or "United Nations, " + `<i>Treaty Series</i>` +
 *    ", vol. 1771, No. 30822"), ONE `<un-cite>` wraps those children. The page's `<a>` stays inside it, so its
 *    href and listeners keep working and no `<a>` is nested in an `<a>` (ours is not a link element).
 * 2. Otherwise (the range starts half-way into an inline element and ends outside it), each text piece gets its
 *    own `<un-cite>`; the pieces share `data-un-id` and the first one (`data-un-head`) is the mention's handle.
 *    Re-parenting only text nodes cannot change the page's element structure.
 * Either way the visible text is unchanged: text nodes are split and moved, never rewritten.
 */
import { MARK, MARK_TAG, type MarkData, writeMark } from '../page-ui/marks';
import { isSkipped, segmentIndexAt, type TextRun } from './text-runs';

/** What every mark carries. */
export type MarkAttrs = Pick<MarkData, 'id' | 'key' | 'kind'>;

const INLINE_OK =
  /^(?:A|ABBR|B|BDI|BDO|CITE|CODE|DATA|DFN|EM|FONT|I|INS|DEL|KBD|MARK|NOBR|Q|S|SAMP|SMALL|SPAN|STRIKE|STRONG|SUB|SUP|TIME|TT|U|VAR|WBR)$/;

function makeMark(doc: Document, attrs: MarkAttrs, head: boolean): HTMLElement {
  const el = doc.createElement(MARK);
  writeMark(el, attrs, head);
  return el;
}

function firstText(node: Node): Text | null {
  if (node.nodeType === Node.TEXT_NODE) return (node as Text).data.length > 0 ? (node as Text) : null;
  for (let c = node.firstChild; c; c = c.nextSibling) {
    const t = firstText(c);
    if (t) return t;
  }
  return null;
}

function lastText(node: Node): Text | null {
  if (node.nodeType === Node.TEXT_NODE) return (node as Text).data.length > 0 ? (node as Text) : null;
  for (let c = node.lastChild; c; c = c.previousSibling) {
    const t = lastText(c);
    if (t) return t;
  }
  return null;
}

/** The child of `ancestor` that contains `node` (or `node` itself). */
function childOf(ancestor: Node, node: Node): Node | null {
  let n: Node | null = node;
  while (n && n.parentNode !== ancestor) n = n.parentNode;
  return n;
}

function commonAncestor(a: Node, b: Node): Node | null {
  const seen = new Set<Node>();
  for (let n: Node | null = a; n; n = n.parentNode) seen.add(n);
  for (let n: Node | null = b; n; n = n.parentNode) if (seen.has(n)) return n;
  return null;
}

/** True when every sibling from `from` to `to` may move into a mark (text, or a plain inline element). */
function movable(from: Node, to: Node): boolean {
  for (let n: Node | null = from; n; n = n.nextSibling) {
    if (n.nodeType === Node.ELEMENT_NODE) {
      const el = n as Element;
      if (el.tagName === MARK_TAG || isSkipped(el) || !INLINE_OK.test(el.tagName)) return false;
      if (el.querySelector(MARK)) return false;
    } else if (n.nodeType !== Node.TEXT_NODE) {
      if (n.nodeType !== Node.COMMENT_NODE) return false;
    }
    if (n === to) return true;
  }
  return false;
}

/**
 * Wraps `[start, end)` of a run. Mentions of one run must be wrapped from last to first: splitting keeps the
 * original node as the prefix, so earlier offsets stay valid. Returns the marks (first = head), or [] when the
 * range does not map to text nodes (e.g. it crosses a `<br>`).
 */
export function wrapRange(run: TextRun, start: number, end: number, attrs: MarkAttrs): HTMLElement[] {
  const firstIdx = segmentIndexAt(run, start);
  const lastIdx = segmentIndexAt(run, end, true);
  const first = run.segments[firstIdx];
  const last = run.segments[lastIdx];
  if (!first?.node || !last?.node || end <= start) return [];
  const pieces = run.segments.slice(firstIdx, lastIdx + 1);
  if (pieces.some((s) => !s.node?.parentNode)) return [];
  // A node already inside a mark means the range overlaps an earlier mention: leave it.
  if (pieces.some((s) => s.node!.parentElement?.closest(MARK))) return [];

  let endNode = last.node;
  if (end < last.start + last.length) endNode.splitText(end - last.start);
  let startNode = first.node;
  if (start > first.start) {
    startNode = startNode.splitText(start - first.start);
    if (first === last) endNode = startNode;
  }
  const doc = startNode.ownerDocument;

  if (startNode === endNode) {
    const mark = makeMark(doc, attrs, true);
    startNode.parentNode!.insertBefore(mark, startNode);
    mark.appendChild(startNode);
    return [mark];
  }

  const lca = commonAncestor(startNode, endNode);
  const cs = lca && childOf(lca, startNode);
  const ce = lca && childOf(lca, endNode);
  if (lca && cs && ce && firstText(cs) === startNode && lastText(ce) === endNode && movable(cs, ce)) {
    const mark = makeMark(doc, attrs, true);
    lca.insertBefore(mark, cs);
    let n: Node | null = cs;
    while (n) {
      const next: Node | null = n.nextSibling;
      mark.appendChild(n);
      if (n === ce) break;
      n = next;
    }
    return [mark];
  }

  // Piecewise: the middle segments are whole text nodes; the edges were split above.
  const nodes: Text[] = [startNode];
  for (const s of pieces.slice(1, -1)) if (s.node) nodes.push(s.node);
  nodes.push(endNode);
  const marks: HTMLElement[] = [];
  for (const node of nodes) {
    if (node.data.length === 0) continue;
    const mark = makeMark(doc, attrs, marks.length === 0);
    node.parentNode!.insertBefore(mark, node);
    mark.appendChild(node);
    marks.push(mark);
  }
  return marks;
}

/** Removes every mark under `root`, putting the page's nodes back where they were (joins split text). */
export function unwrapAll(root: ParentNode): number {
  const marks = [...root.querySelectorAll(MARK)];
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    const before = mark.previousSibling;
    const after = mark.nextSibling;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    // Re-join the text nodes wrapping split apart, so the page's text nodes look as they did.
    const merge = (a: Node | null) => {
      const b = a?.nextSibling;
      if (a?.nodeType === Node.TEXT_NODE && b?.nodeType === Node.TEXT_NODE) {
        (a as Text).appendData((b as Text).data);
        b.parentNode?.removeChild(b);
      }
    };
    const lastMoved = after ? after.previousSibling : parent.lastChild;
    merge(lastMoved);
    merge(before);
  }
  return marks.length;
}
