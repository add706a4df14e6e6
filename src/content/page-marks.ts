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
 * Only the mentions near the viewport are in the highlights: within {@link NEAR_MARGIN} viewport heights above
 * and below it. Chromium's paint of a text node looks at every highlight range over it, so a paragraph of 22 000
 * citations drawn at once made every frame that painted it a 300–500 ms task (measured with a CDP trace: all of it
 * `Paint`, none of it script); the ranges near the view are a few hundred at most. Every mention stays found and
 * listed (`pageCitations`, the navigator, the popup's page list) whether drawn or not.
 */
export const NEAR_MARGIN = 1;
/**
 * A block with more mentions than this is drawn in part: the mentions of its lines near the viewport, found by a
 * binary search over its mentions in text order (their boxes go down the page as the text does), and updated as
 * the page scrolls. A smaller block near the viewport is drawn whole.
 */
export const BIG_BLOCK = 200;
/** Most ranges added to the highlights in one frame (a frame's paint costs time in proportion). */
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

/** The mentions of one document, and the highlights that draw those near the viewport. */
export class PageMarks {
  readonly byId = new Map<string, PageMark>();
  private readonly byBlock = new Map<Element, Set<PageMark>>();
  /** The marks over each text node (for the caret hit-test). */
  private readonly byNode = new WeakMap<Node, PageMark[]>();
  private readonly byRange = new WeakMap<AbstractRange, PageMark>();
  private readonly layers = new Map<Layer, { name: string; set: HighlightLike }>();
  private readonly registry: Registry | undefined;
  private sheet: CSSStyleSheet | undefined;
  /** Mentions in the `mark` highlight now. */
  private readonly drawn = new Set<PageMark>();
  /** Mentions drawn whatever their place (the navigator's current one, the one just scrolled to). */
  private readonly pinned = new Set<PageMark>();
  /** Blocks with mentions within {@link NEAR_MARGIN} of the viewport, as the intersection observer reports them. */
  private readonly near = new Set<Element>();
  /** Blocks observed whose first intersection report has not come yet (until then, "not settled"). */
  private readonly unreported = new Set<Element>();
  /** Each block's mentions in text order, for the binary search of {@link BIG_BLOCK}s (until one is added). */
  private readonly sortedIn = new Map<Element, PageMark[]>();
  private readonly observer: IntersectionObserver | undefined;
  /** A frame is asked for to update what is drawn (truthy while asked). */
  private updateFrame = false;
  private tracedKey: string | undefined;
  /** {@link ordered}'s answer until a mention is added or dropped (the card and the navigator ask often). */
  private order: PageMark[] | null = null;
  /**
   * The blocks with mentions in page order, kept without walking the page (a walk over 200 000 elements cost each
   * `pageCitations` reply 80 ms): the first scan meets blocks in page order, so a new block usually goes at the
   * end; one found out of order (a block the page changed, the visible part scanned first) asks for a sort.
   */
  private blocks: Element[] = [];
  private blocksSorted = true;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly abort = new AbortController();
  private settledWaiters: (() => void)[] = [];

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
    // The browser tells which blocks come near the viewport (off the main thread's critical path, no layout of
    // ours); a margin of a viewport height each side draws them before they scroll in.
    const margin = `${NEAR_MARGIN * 100}% 0px`;
    const IO = (view as Window & { IntersectionObserver?: typeof IntersectionObserver }).IntersectionObserver;
    if (IO) {
      this.observer = new IO(
        (entries) => {
          for (const e of entries) {
            this.unreported.delete(e.target);
            if (e.isIntersecting && this.byBlock.has(e.target)) this.near.add(e.target);
            else this.near.delete(e.target);
          }
          this.scheduleUpdate();
        },
        { rootMargin: margin },
      );
    }
    // Inside a big block, which of its lines are near changes as the page (or a scrolled box) scrolls.
    const opts = { capture: true, passive: true, signal: this.abort.signal };
    const onMove = () => {
      if (this.hasBigNear()) this.scheduleUpdate();
    };
    doc.addEventListener('scroll', onMove, opts);
    view.addEventListener('resize', onMove, opts);
  }

  /** Adds a found mention (drawn once it is near the viewport). */
  add(m: PageMark): void {
    this.order = null;
    this.byId.set(m.id, m);
    this.byRange.set(m.range, m);
    // The scanner hands a block's mentions over in text order: the sorted list grows at its end.
    const sorted = this.sortedIn.get(m.block);
    const last = sorted?.[sorted.length - 1];
    if (sorted && (!last || last.range.compareBoundaryPoints(Range.START_TO_START, m.range) < 0))
      sorted.push(m);
    else this.sortedIn.delete(m.block);
    const inBlock = this.byBlock.get(m.block);
    if (inBlock) inBlock.add(m);
    else {
      this.byBlock.set(m.block, new Set([m]));
      const lastBlock = this.blocks[this.blocks.length - 1];
      if (lastBlock && !(lastBlock.compareDocumentPosition(m.block) & Node.DOCUMENT_POSITION_FOLLOWING))
        this.blocksSorted = false;
      this.blocks.push(m.block);
      if (this.observer) {
        this.unreported.add(m.block);
        this.observer.observe(m.block);
      }
    }
    for (const node of textNodesOf(m.range)) {
      const list = this.byNode.get(node);
      if (list) list.push(m);
      else this.byNode.set(node, [m]);
    }
    // A block already near gets its new mention at the next frame.
    if (this.near.has(m.block)) this.scheduleUpdate();
  }

  /** True when what should be drawn now is drawn (every block added has been placed, no update pending). */
  get settled(): boolean {
    return !this.observer || (this.unreported.size === 0 && !this.updateFrame);
  }

  /** Resolves when {@link settled}. */
  whenSettled(): Promise<void> {
    if (this.settled) return Promise.resolve();
    return new Promise((done) => this.settledWaiters.push(done));
  }

  private hasBigNear(): boolean {
    for (const b of this.near) if ((this.byBlock.get(b)?.size ?? 0) > BIG_BLOCK) return true;
    return false;
  }

  private scheduleUpdate(): void {
    if (this.updateFrame || !this.layers.size) return;
    this.updateFrame = true;
    nextFrame(this.doc.defaultView, () => {
      this.updateFrame = false;
      this.update();
    });
  }

  /**
   * Makes the highlights hold the mentions near the viewport (and the pinned ones): removes those gone far,
   * adds up to {@link DRAW_BATCH} new ones (the rest in the next frame).
   */
  private update(): void {
    const view = this.doc.defaultView;
    const mark = this.layers.get('mark');
    if (!view || !mark) return;
    const h = view.innerHeight;
    const want = new Set<PageMark>(this.pinned);
    for (const block of this.near) {
      const marks = this.sortedOf(block);
      if (marks.length <= BIG_BLOCK) {
        for (const m of marks) want.add(m);
        continue;
      }
      // Drawn: those within the margin; kept: those drawn already and within twice the margin (no flicker of
      // adds and removes at the edge while the page scrolls a little).
      const [a, b] = spanNear(marks, -NEAR_MARGIN * h, (1 + NEAR_MARGIN) * h);
      for (let i = a; i < b; i++) want.add(marks[i]!);
      const [k0, k1] = spanNear(marks, -2 * NEAR_MARGIN * h, (1 + 2 * NEAR_MARGIN) * h);
      for (let i = k0; i < k1; i++) if (this.drawn.has(marks[i]!)) want.add(marks[i]!);
    }
    for (const m of this.drawn) if (!want.has(m)) this.undraw(m);
    let added = 0;
    for (const m of want) {
      if (this.drawn.has(m)) continue;
      if (added++ >= DRAW_BATCH) {
        this.scheduleUpdate();
        return;
      }
      this.draw(m);
    }
    if (this.settled) {
      const waiters = this.settledWaiters;
      this.settledWaiters = [];
      for (const w of waiters) w();
    }
  }

  private draw(m: PageMark): void {
    if (this.byId.get(m.id) !== m) return;
    this.drawn.add(m);
    this.layers.get('mark')?.set.add(m.range);
    if (this.tracedKey && m.key === this.tracedKey) this.layers.get('traced')?.set.add(m.range);
  }

  private undraw(m: PageMark): void {
    this.drawn.delete(m);
    this.layers.get('mark')?.set.delete(m.range);
    this.layers.get('traced')?.set.delete(m.range);
  }

  /** A block's mentions in text order. */
  private sortedOf(block: Element): PageMark[] {
    let sorted = this.sortedIn.get(block);
    if (!sorted) {
      sorted = [...(this.byBlock.get(block) ?? [])].sort((a, b) =>
        a.range.compareBoundaryPoints(Range.START_TO_START, b.range),
      );
      this.sortedIn.set(block, sorted);
    }
    return sorted;
  }

  /** Draws `m` now, wherever it is, until unpinned (the navigator's current mention: drawn on arrival). */
  private pin(m: PageMark | undefined, on: boolean): void {
    if (!m) return;
    if (on) {
      this.pinned.add(m);
      if (!this.drawn.has(m)) this.draw(m);
    } else {
      this.pinned.delete(m);
      this.scheduleUpdate();
    }
  }

  /** Removes one mention from every layer. */
  private remove(m: PageMark): void {
    this.order = null;
    this.byId.delete(m.id);
    this.byBlock.get(m.block)?.delete(m);
    this.sortedIn.delete(m.block);
    this.drawn.delete(m);
    this.pinned.delete(m);
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
      this.sortedIn.delete(block);
      this.near.delete(block);
      this.unreported.delete(block);
      this.observer?.unobserve(block);
      dropped.push(block);
    }
    if (dropped.length > 0) {
      const gone = new Set(dropped);
      this.blocks = this.blocks.filter((b) => !gone.has(b));
    }
    return dropped;
  }

  /** Every mention, in page order: the blocks in page order, each block's mentions in text order. */
  ordered(): PageMark[] {
    if (this.order) return this.order;
    if (!this.blocksSorted) {
      // A block inside another (a list item in a list whose own text has mentions) follows it, as a walk would
      // meet it.
      this.blocks.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
      this.blocksSorted = true;
    }
    const out: PageMark[] = [];
    // A block the page took out is not in the page's order (its mentions go when the change is handled).
    for (const block of this.blocks) if (block.isConnected) for (const m of this.sortedOf(block)) out.push(m);
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
      if (!this.drawn.has(m)) continue;
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

  /**
   * Highlights every mention of `key` (the trace view's key), those drawn now and those drawn later as they come
   * near the viewport (also mentions found later); returns how many the page has.
   */
  setTraced(key: string | undefined): number {
    this.tracedKey = key;
    const traced = this.layers.get('traced');
    traced?.set.clear();
    for (const m of this.drawn) if (m.key === key) traced?.set.add(m.range);
    let n = 0;
    for (const m of this.byId.values()) if (m.key === key) n++;
    return n;
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
    for (const p of [...this.pinned]) this.pin(p, false);
    // Drawn on arrival, wherever it is (it is scrolled into view next); hover and click find it at once.
    if (m) this.pin(m, true);
    if (m) focus?.set.add(m.range);
  }

  /** Removes every highlight and the style sheet. */
  destroy(): void {
    clearTimeout(this.flashTimer);
    this.abort.abort();
    this.observer?.disconnect();
    this.near.clear();
    this.unreported.clear();
    this.drawn.clear();
    this.pinned.clear();
    this.sortedIn.clear();
    for (const { name, set } of this.layers.values()) {
      set.clear();
      if (this.registry?.get(name) === set) this.registry.delete(name);
    }
    this.layers.clear();
    this.order = null;
    this.byId.clear();
    this.byBlock.clear();
    this.blocks = [];
    const sheet = this.sheet;
    if (sheet) this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== sheet);
    const waiters = this.settledWaiters;
    this.settledWaiters = [];
    for (const w of waiters) w();
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

/**
 * The mentions `[from, to)` of a block's mentions in text order whose boxes lie between `top` and `bottom`
 * (viewport pixels), by binary search: a block's text goes down the page as it goes on, so the boxes do too. A
 * mention not laid out (no box) counts as above.
 */
function spanNear(marks: PageMark[], top: number, bottom: number): [number, number] {
  const first = (pred: (r: DOMRect) => boolean) => {
    let lo = 0;
    let hi = marks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pred(marks[mid]!.range.getBoundingClientRect())) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const from = first((r) => r.bottom >= top && (r.width > 0 || r.height > 0));
  const to = first((r) => r.top > bottom && (r.width > 0 || r.height > 0));
  return [from, Math.max(from, to)];
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
