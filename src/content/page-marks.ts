/**
 * The citations of one web page, drawn without touching the page: each mention is a live `Range` over the page's
 * own text nodes, painted through the CSS Custom Highlight API (`CSS.highlights`; Chrome 105+, Firefox 140+). No
 * wrapper element, no split text node, no attribute on a page element: a page script that holds its text nodes
 * keeps them, and nothing it does to them can throw because of us.
 *
 * Also the hit-test that replaces a mark element's pointer events: `CSS.highlights.highlightsFromPoint()` where
 * the browser has it, else the caret position under the pointer checked against the mention's line boxes.
 */
import type { Mention } from '../core/mention';
import { randomSuffix } from '../page-ui/marks';

/** One drawn mention. */
export interface PageMark extends Mention {
  /** Page-unique id (what the card's state machine tracks). */
  id: string;
  /** The mention's text in the page (a live range: it follows the page's own edits until the block is rescanned). */
  range: Range;
  /** The block whose run the mention was found in (dropped and rescanned together). */
  block: Element;
}

/**
 * Longest a found mention waits to be drawn while the scan goes on. Changing a highlight costs Chromium a style
 * and paint pass over the whole document (on a page of 200 000 nodes, 100–170 ms per change), so mentions far
 * from the viewport are drawn together: when the scan is idle, after this long, or by {@link DRAW_BATCH}.
 */
export const DRAW_MAX_WAIT_MS = 4000;
/**
 * Most ranges added to the highlight in one frame: the frame that paints them costs time in proportion (a
 * paragraph of 22 000 citations drawn at once is a 440 ms frame), so a big set is drawn over several frames.
 */
export const DRAW_BATCH = 1000;

/** The highlights a page gets: every mention, the traced key, the one just scrolled to, the navigator's. */
type Layer = 'mark' | 'traced' | 'flash' | 'focus';
const LAYERS: Layer[] = ['mark', 'traced', 'flash', 'focus'];

/** How each layer looks (the quiet-link look of the former mark elements). */
const LOOK: Record<Layer, string> = {
  mark: 'text-decoration: underline dotted currentColor; text-decoration-thickness: 1px; text-underline-offset: 2px;',
  traced: 'background-color: rgba(255, 230, 150, .45);',
  flash: 'background-color: rgba(255, 204, 51, .55);',
  focus: 'background-color: rgba(51, 102, 204, .22); text-decoration: underline solid #36c 2px;',
};

type HighlightLike = Set<AbstractRange>;
type Registry = Map<string, HighlightLike> & {
  highlightsFromPoint?(x: number, y: number): { highlight: HighlightLike; ranges: AbstractRange[] }[];
};
type HighlightWindow = Window & {
  Highlight?: new (...ranges: AbstractRange[]) => HighlightLike;
  CSS?: { highlights?: Registry };
  CSSStyleSheet: typeof CSSStyleSheet;
};
type CaretDocument = Document & {
  caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
};

/** True when this window can draw highlights (else mentions are still found and listed, just not drawn). */
export function canHighlight(view: Window | null): boolean {
  const w = view as HighlightWindow | null;
  return !!w?.Highlight && !!w.CSS?.highlights;
}

/** The drawn mentions of one document. */
export class PageMarks {
  readonly byId = new Map<string, PageMark>();
  private readonly byBlock = new Map<Element, Set<PageMark>>();
  /** The marks over each text node (for the caret hit-test). */
  private readonly byNode = new WeakMap<Node, PageMark[]>();
  private readonly byRange = new WeakMap<AbstractRange, PageMark>();
  private readonly layers = new Map<Layer, { name: string; set: HighlightLike }>();
  private readonly registry: Registry | undefined;
  private sheet: CSSStyleSheet | undefined;
  /** Mentions found but not drawn yet (see {@link DRAW_MAX_WAIT_MS}), and the timer that draws them. */
  private undrawn: PageMark[] = [];
  private drawTimer: ReturnType<typeof setTimeout> | undefined;
  /** A frame is asked for to draw what waits (truthy while asked). */
  private drawFrame: unknown = 0;
  private lastBlock: { el: Element; near: boolean } | undefined;
  /** {@link ordered}'s answer until a mention is added or dropped (the card and the navigator ask often). */
  private order: PageMark[] | null = null;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly doc: Document) {
    const view = doc.defaultView as HighlightWindow | null;
    if (!view || !canHighlight(view)) return;
    this.registry = view.CSS!.highlights!;
    // Names no page can guess: a page's own highlights (or its `CSS.highlights.delete(…)`) never meet ours.
    const suffix = randomSuffix();
    let css = '';
    for (const layer of LAYERS) {
      const name = `un-cite-${layer}-${suffix}`;
      const set = new view.Highlight!();
      this.layers.set(layer, { name, set });
      this.registry.set(name, set);
      css += `::highlight(${name}) { ${LOOK[layer]} }\n`;
    }
    // Later layers paint over earlier ones (the focus over a traced mention).
    LAYERS.forEach((layer, i) => {
      (this.layers.get(layer)!.set as HighlightLike & { priority?: number }).priority = i;
    });
    try {
      // A constructed sheet is not a node in the page, and the page's CSP does not block it.
      const sheet = new view.CSSStyleSheet();
      sheet.replaceSync(css);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      this.sheet = sheet;
    } catch {
      // No constructed sheets (very old engines): the highlights exist, unstyled.
    }
  }

  /** Draws a mention. */
  add(m: PageMark): void {
    this.order = null;
    this.byId.set(m.id, m);
    this.byRange.set(m.range, m);
    const inBlock = this.byBlock.get(m.block);
    if (inBlock) inBlock.add(m);
    else this.byBlock.set(m.block, new Set([m]));
    for (const node of textNodesOf(m.range)) {
      const list = this.byNode.get(node);
      if (list) list.push(m);
      else this.byNode.set(node, [m]);
    }
    this.undrawn.push(m);
    // One the user may be looking at, or a full batch, is drawn in the next frame; the others wait.
    const view = this.doc.defaultView;
    if (!this.drawFrame && (this.undrawn.length >= DRAW_BATCH || (view && this.nearBlock(m.block, view)))) {
      this.drawFrame = nextFrame(view, () => {
        this.drawFrame = 0;
        this.drawSome();
      });
    } else {
      this.drawTimer ??= setTimeout(() => void this.drawAll(), DRAW_MAX_WAIT_MS);
    }
  }

  /** True when `block` is near the viewport (asked once per run of mentions in the same block). */
  private nearBlock(block: Element, view: Window): boolean {
    if (this.lastBlock?.el !== block) this.lastBlock = { el: block, near: nearViewport(block, view) };
    return this.lastBlock.near;
  }

  /** Draws up to {@link DRAW_BATCH} waiting mentions; true when none is left waiting. */
  private drawSome(): boolean {
    const set = this.layers.get('mark')?.set;
    const batch = this.undrawn.splice(0, DRAW_BATCH);
    for (const m of batch) if (this.byId.get(m.id) === m) set?.add(m.range);
    return this.undrawn.length === 0;
  }

  /** Draws every mention found so far, a batch per frame; resolves when all are drawn (the scan is idle). */
  drawAll(): Promise<void> {
    clearTimeout(this.drawTimer);
    this.drawTimer = undefined;
    return new Promise((done) => {
      const step = () => {
        if (this.drawSome()) done();
        else nextFrame(this.doc.defaultView, step);
      };
      step();
    });
  }

  /** Removes one mention from every layer. */
  private remove(m: PageMark): void {
    this.order = null;
    this.byId.delete(m.id);
    this.byBlock.get(m.block)?.delete(m);
    for (const { set } of this.layers.values()) set.delete(m.range);
  }

  /**
   * Drops the mentions of `root`'s blocks (the block itself and those inside it; none for `null`) and of blocks
   * no longer in the page; returns the blocks whose mentions were dropped (to be scanned again).
   */
  dropWithin(root: Node | null): Element[] {
    const dropped: Element[] = [];
    for (const [block, marks] of this.byBlock) {
      if (block.isConnected && !root?.contains(block)) continue;
      for (const m of marks) this.remove(m);
      this.byBlock.delete(block);
      dropped.push(block);
    }
    return dropped;
  }

  /** Every mention, in page order: one walk over the elements, each block's mentions in text order. */
  ordered(): PageMark[] {
    if (this.order) return this.order;
    if (this.byBlock.size === 0) return [];
    const out: PageMark[] = [];
    const root = this.doc.body ?? this.doc.documentElement;
    const walker = this.doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let el = walker.currentNode as Element | null; el; el = walker.nextNode() as Element | null) {
      const marks = this.byBlock.get(el);
      if (!marks?.size) continue;
      out.push(...[...marks].sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range)));
    }
    this.order = out;
    return out;
  }

  /** The mention drawn under a viewport point, if any. */
  at(x: number, y: number): PageMark | undefined {
    const mark = this.layers.get('mark');
    if (!mark) return undefined;
    const fromPoint = this.registry?.highlightsFromPoint;
    if (typeof fromPoint === 'function') {
      try {
        for (const hit of fromPoint.call(this.registry, x, y)) {
          if (hit.highlight !== mark.set) continue;
          for (const r of hit.ranges) {
            const m = this.byRange.get(r);
            if (m) return m;
          }
        }
        return undefined;
      } catch {
        // Fall through to the caret.
      }
    }
    const doc = this.doc as CaretDocument;
    let node: Node | undefined;
    let offset = 0;
    if (typeof doc.caretPositionFromPoint === 'function') {
      const p = doc.caretPositionFromPoint(x, y);
      node = p?.offsetNode;
      offset = p?.offset ?? 0;
    } else if (typeof doc.caretRangeFromPoint === 'function') {
      const r = doc.caretRangeFromPoint(x, y);
      node = r?.startContainer;
      offset = r?.startOffset ?? 0;
    }
    if (!node) return undefined;
    // The caret is the nearest insertion point, also beside the text; the mention's boxes say whether the
    // pointer is really over it.
    for (const m of this.byNode.get(node) ?? []) {
      if (!this.byId.has(m.id)) continue;
      const inRange =
        m.range.isPointInRange(node, offset) || m.range.comparePoint(node, Math.max(0, offset - 1)) === 0;
      if (inRange && [...m.range.getClientRects()].some((r) => contains(r, x, y))) return m;
    }
    return undefined;
  }

  /** Marks whose text overlaps `el` (a focused link holding a citation, or part of one), in text order. */
  inside(el: Element, block: Element | null): PageMark[] {
    const marks = block ? this.byBlock.get(block) : undefined;
    return [...(marks ?? [])]
      .filter((m) => m.range.intersectsNode(el))
      .sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  }

  /** Highlights every mention of `key` (the trace view's key); returns how many. */
  setTraced(key: string | undefined): number {
    const traced = this.layers.get('traced');
    traced?.set.clear();
    let n = 0;
    for (const m of this.byId.values()) {
      if (m.key !== key) continue;
      traced?.set.add(m.range);
      n++;
    }
    return n;
  }

  /** Gives a mention added later the traced look when its key is the traced one. */
  traceIfKey(m: PageMark, key: string | undefined): void {
    if (key && m.key === key) this.layers.get('traced')?.set.add(m.range);
  }

  /** Flashes one mention for `ms` (scrolled to from the popup or the trace view). */
  flash(m: PageMark, ms: number): void {
    const flash = this.layers.get('flash');
    if (!flash) return;
    clearTimeout(this.flashTimer);
    flash.set.clear();
    flash.set.add(m.range);
    this.flashTimer = setTimeout(() => flash.set.clear(), ms);
  }

  /** Draws the keyboard navigator's current mention (or none). */
  setFocus(m: PageMark | undefined): void {
    const focus = this.layers.get('focus');
    focus?.set.clear();
    if (m) focus?.set.add(m.range);
  }

  /** Removes every highlight and the style sheet. */
  destroy(): void {
    clearTimeout(this.flashTimer);
    clearTimeout(this.drawTimer);
    this.undrawn = [];
    for (const { name, set } of this.layers.values()) {
      set.clear();
      if (this.registry?.get(name) === set) this.registry.delete(name);
    }
    this.layers.clear();
    this.order = null;
    this.byId.clear();
    this.byBlock.clear();
    const sheet = this.sheet;
    if (sheet) this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== sheet);
  }
}

/**
 * Runs `f` at the next frame, or after 100 ms when frames do not come (a background tab), whichever is first;
 * returns a truthy handle.
 */
function nextFrame(view: Window | null, f: () => void): number {
  let ran = false;
  const once = () => {
    if (ran) return;
    ran = true;
    f();
  };
  view?.requestAnimationFrame(once);
  setTimeout(once, 100);
  return 1;
}

/** True when a box is within a viewport's height of the viewport (the user may scroll to it any moment). */
function nearViewport(box: Element | Range, view: Window): boolean {
  const r = box.getBoundingClientRect();
  return r.bottom >= -view.innerHeight && r.top <= 2 * view.innerHeight;
}

function contains(r: DOMRect, x: number, y: number): boolean {
  return x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1;
}

/**
 * The text nodes a range covers (a mention spans a few at most), walked from its start: never from the top of its
 * block, which may be a paragraph of thousands of nodes.
 */
function textNodesOf(range: Range): Text[] {
  const start = range.startContainer;
  const end = range.endContainer;
  if (start === end) return start.nodeType === Node.TEXT_NODE ? [start as Text] : [];
  const root = range.commonAncestorContainer;
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  walker.currentNode = start;
  const out: Text[] = start.nodeType === Node.TEXT_NODE ? [start as Text] : [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    out.push(n as Text);
    if (n === end) break;
  }
  return out;
}

/** Scrolls a mention to the middle of the viewport (its block into view first, for scrolled containers). */
export function scrollToMark(m: PageMark): void {
  m.range.startContainer.parentElement?.scrollIntoView({ block: 'nearest' });
  const view = m.block.ownerDocument.defaultView;
  if (!view) return;
  const rect = m.range.getBoundingClientRect();
  view.scrollBy({ top: rect.top + rect.height / 2 - view.innerHeight / 2 });
}
